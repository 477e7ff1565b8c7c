import { Inject, Injectable } from '@nestjs/common';
import { memberDeactivatedV1 } from '@lianxin/contracts';
import type { Actor } from '@lianxin/auth';
import { ConflictError } from '@lianxin/platform-http';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { publish } from '../../../../shared/application/event-factory';
import {
  PII_CIPHER,
  REGISTRY_DATA_SOURCE,
  REGISTRY_SETTINGS,
  type RegistrySettings,
} from '../../../../shared/application/registry-tokens';
import { businessDateSchema } from '../../../../shared/domain/field-schemas';
import type { PiiCipher } from '../../../../shared/infrastructure/pii-cipher';
import { requireMember } from '../../../infrastructure/member.repository';
import { toMemberView, type MemberView } from '../../member-view';

export const deactivateMemberQuery = z.strictObject({
  reason: z.enum(['deceased', 'left_city', 'membership_ended', 'duplicate_record', 'other']),
  effectiveOn: businessDateSchema.optional(),
});
export type DeactivateMemberCommand = z.output<typeof deactivateMemberQuery> & { id: string };

@Injectable()
export class DeactivateMemberHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PII_CIPHER) private readonly cipher: PiiCipher,
    @Inject(REGISTRY_SETTINGS) private readonly settings: RegistrySettings,
  ) {}

  /** Members are never deleted (history, pairings and assessments refer to them): they are deactivated. */
  execute(command: DeactivateMemberCommand, actor: Actor): Promise<MemberView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const member = await requireMember(tx.manager, command.id, true);
      if (member.status !== 'active') throw new ConflictError(`member is ${member.status}`, { allowed: [] });
      const effectiveOn = command.effectiveOn ?? this.settings.today();
      await tx.manager.query(
        `UPDATE members SET status = 'inactive', deactivation_reason = $2, deactivated_on = $3, version = version + 1, updated_at = now() WHERE id = $1`,
        [member.id, command.reason, effectiveOn],
      );
      await tx.manager.query('DELETE FROM party_group_members WHERE member_id = $1', [member.id]);
      publish(
        tx,
        memberDeactivatedV1,
        actor,
        'registry.member.write',
        { districtId: member.district_id, orgPath: member.org_path, aggregateId: member.id },
        {
          memberId: member.id,
          reasonCode: command.reason,
          effectiveOn,
        },
      );
      return toMemberView(await requireMember(tx.manager, member.id), actor, this.cipher);
    });
  }
}
