import { Inject, Injectable } from '@nestjs/common';
import { memberTransferredInV1, memberTransferredOutV1 } from '@lianxin/contracts';
import type { Actor } from '@lianxin/auth';
import { BusinessRuleError, ConflictError, NotFoundError, ValidationError } from '@lianxin/platform-http';
import { inTransaction, SYSTEM_SCOPE } from '@lianxin/platform-persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { publish } from '../../../../shared/application/event-factory';
import { REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { findUnit, type UnitRow } from '../../../../shared/application/scope';
import { businessDateSchema } from '../../../../shared/domain/field-schemas';
import { requireMember } from '../../../infrastructure/member.repository';
import { TRANSFER_COLUMNS, toTransferView, type TransferRow, type TransferView } from '../../transfer-view';

export const transferMemberBody = z
  .strictObject({
    /** A branch the caller can see: the transfer completes at once. */
    toBranchId: z.uuid().optional(),
    /** Another district: the transfer waits until that district accepts it into one of its branches. */
    toDistrictId: z.uuid().optional(),
    transferredOn: businessDateSchema,
    reason: z.string().trim().min(1).max(200),
  })
  .refine((v) => (v.toBranchId === undefined) !== (v.toDistrictId === undefined), {
    message: 'give exactly one of toBranchId or toDistrictId',
    path: ['toBranchId'],
  });
export type TransferMemberCommand = z.output<typeof transferMemberBody> & { memberId: string };

@Injectable()
export class TransferMemberHandler {
  constructor(@Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async execute(command: TransferMemberCommand, actor: Actor): Promise<TransferView> {
    // The destination district is outside a district admin's scope; only its id and path are read,
    // under the system scope, and nothing of it is returned beyond the id the caller gave.
    const destinationDistrict = command.toDistrictId
      ? await this.findDistrict(command.toDistrictId)
      : undefined;
    if (command.toDistrictId && !destinationDistrict)
      throw new ValidationError('unknown district', [{ field: 'toDistrictId', message: 'no such district' }]);
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const member = await requireMember(tx.manager, command.memberId, true);
      if (member.status !== 'active')
        throw new ConflictError(`member is ${member.status}`, {
          allowed: member.status === 'transferring' ? ['accept-transfer'] : [],
        });
      const target = command.toBranchId ? await findUnit(tx.manager, command.toBranchId) : undefined;
      if (command.toBranchId && !target)
        throw new NotFoundError(`branch ${command.toBranchId} was not found`);
      if (target && target.level !== 'branch')
        throw new BusinessRuleError('members transfer into a Party branch', { rule: 'member-in-branch' });
      if (target?.id === member.branch_id)
        throw new BusinessRuleError('the member is already in that branch', { rule: 'same-branch' });
      const id = uuidv7();
      const toDistrictId = target ? target.district_id : (destinationDistrict?.id ?? null);
      const toPath = target ? target.org_path : (destinationDistrict?.org_path ?? '');
      if (!toDistrictId)
        throw new BusinessRuleError('a transfer goes to a branch inside a district', {
          rule: 'member-in-branch',
        });
      const rows = await tx.manager.query<TransferRow[]>(
        `INSERT INTO member_transfers (id, member_id, district_id, org_path, from_branch_id, to_district_id, to_org_path, to_branch_id,
            status, reason, transferred_on, requested_by, completed_by, completed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, CASE WHEN $9 = 'completed' THEN now() END)
         RETURNING ${TRANSFER_COLUMNS}`,
        [
          id,
          member.id,
          member.district_id,
          member.org_path,
          member.branch_id,
          toDistrictId,
          toPath,
          target?.id ?? null,
          target ? 'completed' : 'pending',
          command.reason,
          command.transferredOn,
          actor.id,
          target ? actor.id : null,
        ],
      );
      publish(
        tx,
        memberTransferredOutV1,
        actor,
        'registry.member.transfer',
        { districtId: member.district_id, orgPath: member.org_path, aggregateId: member.id },
        {
          memberId: member.id,
          transferId: id,
          fromBranchUnitId: member.branch_id,
          fromDistrictId: member.district_id ?? toDistrictId,
          toBranchUnitId: target?.id ?? null,
          toDistrictId,
          transferredOn: command.transferredOn,
        },
      );
      if (target) {
        await moveMember(tx.manager, member.id, target);
        publish(
          tx,
          memberTransferredInV1,
          actor,
          'registry.member.transfer',
          { districtId: target.district_id, orgPath: target.org_path, aggregateId: member.id },
          {
            memberId: member.id,
            transferId: id,
            fromBranchUnitId: member.branch_id,
            fromDistrictId: member.district_id,
            toBranchUnitId: target.id,
            toDistrictId,
            transferredOn: command.transferredOn,
          },
        );
      } else {
        await tx.manager.query(
          `UPDATE members SET status = 'transferring', version = version + 1, updated_at = now() WHERE id = $1`,
          [member.id],
        );
      }
      return toTransferView(rows[0], actor.scope);
    });
  }

  private findDistrict(id: string): Promise<UnitRow | undefined> {
    return inTransaction(this.dataSource, SYSTEM_SCOPE, async (tx) => {
      const unit = await findUnit(tx.manager, id);
      return unit?.level === 'district' ? unit : undefined;
    });
  }
}

/** Re-homes a member (and their party-group memberships end: groups belong to the old branch). */
export async function moveMember(manager: EntityManager, memberId: string, target: UnitRow): Promise<void> {
  await manager.query(
    `UPDATE members SET branch_id = $2, org_path = $3, district_id = $4, status = 'active', version = version + 1, updated_at = now() WHERE id = $1`,
    [memberId, target.id, target.org_path, target.district_id],
  );
}
