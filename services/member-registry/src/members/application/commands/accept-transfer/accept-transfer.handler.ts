import { Inject, Injectable } from '@nestjs/common';
import { memberTransferredInV1 } from '@lianxin/contracts';
import type { Actor } from '@lianxin/auth';
import { BusinessRuleError, ConflictError, NotFoundError } from '@lianxin/platform-http';
import { inTransaction, SYSTEM_SCOPE } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { publish } from '../../../../shared/application/event-factory';
import { REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { requireUnit } from '../../../../shared/application/scope';
import { TRANSFER_COLUMNS, toTransferView, type TransferRow, type TransferView } from '../../transfer-view';
import { moveMember } from '../transfer-member/transfer-member.handler';

export const acceptTransferBody = z.strictObject({ toBranchId: z.uuid() });
export type AcceptTransferCommand = z.output<typeof acceptTransferBody> & { transferId: string };

@Injectable()
export class AcceptTransferHandler {
  constructor(@Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  /**
   * The receiving district sees only the incoming transfer (RLS on to_org_path), never the member
   * row while it is still in the old district. Re-homing the row is the one step that must write
   * outside the caller's scope, so it runs under the system scope after every check has passed.
   */
  execute(command: AcceptTransferCommand, actor: Actor): Promise<TransferView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const rows = await tx.manager.query<TransferRow[]>(
        `SELECT ${TRANSFER_COLUMNS} FROM member_transfers WHERE id = $1 FOR UPDATE`,
        [command.transferId],
      );
      const transfer = rows[0];
      if (!transfer || !transfer.to_org_path.startsWith(actor.scope))
        throw NotFoundError.of('transfer', command.transferId);
      if (transfer.status !== 'pending')
        throw new ConflictError('the transfer is already completed', { allowed: [] });
      const branch = await requireUnit(tx.manager, command.toBranchId, 'branch');
      if (branch.level !== 'branch' || !branch.org_path.startsWith(transfer.to_org_path)) {
        throw new BusinessRuleError('accept into a branch of the destination district', {
          rule: 'transfer-destination',
        });
      }
      await tx.manager.query("SELECT set_config('lianxin.scope', $1, true)", [SYSTEM_SCOPE]);
      await moveMember(tx.manager, transfer.member_id, branch);
      const [updated] = await tx.manager.query<[TransferRow[], number]>(
        `UPDATE member_transfers SET status = 'completed', to_branch_id = $2, completed_by = $3, completed_at = now(), updated_at = now()
          WHERE id = $1 RETURNING ${TRANSFER_COLUMNS}`,
        [transfer.id, branch.id, actor.id],
      );
      await tx.manager.query("SELECT set_config('lianxin.scope', $1, true)", [actor.scope]);
      publish(
        tx,
        memberTransferredInV1,
        actor,
        'registry.member.transfer',
        { districtId: branch.district_id, orgPath: branch.org_path, aggregateId: transfer.member_id },
        {
          memberId: transfer.member_id,
          transferId: transfer.id,
          fromBranchUnitId: transfer.from_branch_id,
          fromDistrictId: transfer.district_id,
          toBranchUnitId: branch.id,
          toDistrictId: transfer.to_district_id,
          transferredOn: transfer.transferred_on,
        },
      );
      return toTransferView(updated[0], actor.scope);
    });
  }
}
