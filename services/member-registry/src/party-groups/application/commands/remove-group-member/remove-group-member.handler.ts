import { Inject, Injectable } from '@nestjs/common';
import { partyGroupMemberLeftV1 } from '@lianxin/contracts';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { publish } from '../../../../shared/application/event-factory';
import {
  REGISTRY_DATA_SOURCE,
  REGISTRY_SETTINGS,
  type RegistrySettings,
} from '../../../../shared/application/registry-tokens';
import { checkLeave } from '../../../domain/group-size-rules';
import { requireGroup } from '../../../infrastructure/party-group.repository';
import { groupRuleError } from '../../group-rule-error';
import { toPartyGroupView, type PartyGroupView } from '../../party-group-view';

export const removeGroupMemberQuery = z.strictObject({
  reason: z.enum(['requested', 'transferred', 'deactivated', 'regrouped', 'other']).default('requested'),
});
export type RemoveGroupMemberCommand = z.output<typeof removeGroupMemberQuery> & {
  groupId: string;
  memberId: string;
};

@Injectable()
export class RemoveGroupMemberHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REGISTRY_SETTINGS) private readonly settings: RegistrySettings,
  ) {}

  execute(command: RemoveGroupMemberCommand, actor: Actor): Promise<PartyGroupView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const group = await requireGroup(tx.manager, command.groupId, true);
      const problem = checkLeave(group.member_ids, group.leader_member_id, command.memberId);
      if (problem) throw groupRuleError(problem);
      await tx.manager.query('DELETE FROM party_group_members WHERE party_group_id = $1 AND member_id = $2', [
        group.id,
        command.memberId,
      ]);
      publish(
        tx,
        partyGroupMemberLeftV1,
        actor,
        'registry.party-group.write',
        { districtId: group.district_id, orgPath: group.org_path, aggregateId: group.id },
        {
          partyGroupId: group.id,
          memberId: command.memberId,
          leftOn: this.settings.today(),
          reasonCode: command.reason,
          memberCount: group.member_ids.length - 1,
        },
      );
      return toPartyGroupView(await requireGroup(tx.manager, group.id));
    });
  }
}
