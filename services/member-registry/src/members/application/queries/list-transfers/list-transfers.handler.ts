import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { TRANSFER_COLUMNS, toTransferView, type TransferRow, type TransferView } from '../../transfer-view';

export const listTransfersQuery = z.strictObject({
  direction: z.enum(['in', 'out']).optional(),
  status: z.enum(['pending', 'completed']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListTransfersQuery = z.output<typeof listTransfersQuery>;

@Injectable()
export class ListTransfersHandler {
  constructor(@Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute(query: ListTransfersQuery, actor: Actor): Promise<{ items: TransferView[] }> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const rows = await tx.manager.query<TransferRow[]>(
        `SELECT ${TRANSFER_COLUMNS} FROM member_transfers
          WHERE ($1::text IS NULL OR ($1 = 'out' AND org_path LIKE $3 || '%') OR ($1 = 'in' AND to_org_path LIKE $3 || '%'))
            AND ($2::text IS NULL OR status = $2)
          ORDER BY id DESC LIMIT $4`,
        [query.direction ?? null, query.status ?? null, actor.scope, query.limit],
      );
      return { items: rows.map((row) => toTransferView(row, actor.scope)) };
    });
  }
}
