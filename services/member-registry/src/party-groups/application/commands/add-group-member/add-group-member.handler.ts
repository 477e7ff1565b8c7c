import { Inject, Injectable } from '@nestjs/common';
import { partyGroupMemberJoinedV1 } from '@lianxin/contracts';
import type { Actor } from '@lianxin/auth';
import { BusinessRuleError } from '@lianxin/platform-http';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { publish } from '../../../../shared/application/event-factory';
import {
  REGISTRY_DATA_SOURCE,
  REGISTRY_SETTINGS,
  type RegistrySettings,
} from '../../../../shared/application/registry-tokens';
import { checkJoin } from '../../../domain/group-size-rules';
import { membersOfBranch, requireGroup } from '../../../infrastructure/party-group.repository';
import { groupRuleError } from '../../group-rule-error';
import { toPartyGroupView, type PartyGroupView } from '../../party-group-view';

export const addGroupMemberBody = z.strictObject({ memberId: z.uuid() });
export type AddGroupMemberCommand = z.output<typeof addGroupMemberBody> & { groupId: string };

@Injectable()
export class AddGroupMemberHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REGISTRY_SETTINGS) private readonly settings: RegistrySettings,
  ) {}

  /** The group row is locked first, so two concurrent joins cannot both take the tenth seat. */
  execute(command: AddGroupMemberCommand, actor: Actor): Promise<PartyGroupView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const group = await requireGroup(tx.manager, command.groupId, true);
      const problem = checkJoin(group.member_ids, command.memberId);
      if (problem) throw groupRuleError(problem);
      if (!(await membersOfBranch(tx.manager, group.branch_id, [command.memberId])).has(command.memberId)) {
        throw new BusinessRuleError('only active members of the group’s branch can join', {
          rule: 'member-of-branch',
        });
      }
      const today = this.settings.today();
      await tx.manager.query(
        'INSERT INTO party_group_members (party_group_id, member_id, district_id, org_path, joined_on) VALUES ($1, $2, $3, $4, $5)',
        [group.id, command.memberId, group.district_id, group.org_path, today],
      );
      publish(
        tx,
        partyGroupMemberJoinedV1,
        actor,
        'registry.party-group.write',
        { districtId: group.district_id, orgPath: group.org_path, aggregateId: group.id },
        {
          partyGroupId: group.id,
          memberId: command.memberId,
          joinedOn: today,
          memberCount: group.member_ids.length + 1,
        },
      );
      return toPartyGroupView(await requireGroup(tx.manager, group.id));
    });
  }
}
