import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@lianxin/auth';
import { booleanFlag } from '@lianxin/platform-config';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { requireUnit } from '../../../../shared/application/scope';
import { listGroups } from '../../../infrastructure/party-group.repository';
import { toPartyGroupView, type PartyGroupView } from '../../party-group-view';

export const listPartyGroupsQuery = z.strictObject({
  unitId: z.uuid().optional(),
  /** Only groups under five members. */
  understaffed: booleanFlag.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListPartyGroupsQuery = z.output<typeof listPartyGroupsQuery>;

@Injectable()
export class ListPartyGroupsHandler {
  constructor(@Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute(query: ListPartyGroupsQuery, actor: Actor): Promise<{ items: PartyGroupView[] }> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const prefix = query.unitId ? (await requireUnit(tx.manager, query.unitId)).org_path : actor.scope;
      const views = (
        await listGroups(
          tx.manager,
          prefix,
          query.understaffed ? 100_000 : query.limit,
          query.understaffed ? 0 : query.offset,
        )
      ).map(toPartyGroupView);
      const items = query.understaffed
        ? views.filter((g) => g.understaffed).slice(query.offset, query.offset + query.limit)
        : views;
      return { items };
    });
  }
}
