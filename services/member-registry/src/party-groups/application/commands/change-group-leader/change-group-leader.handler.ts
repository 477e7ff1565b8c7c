import { Inject, Injectable } from '@nestjs/common';
import { partyGroupLeaderChangedV1 } from '@lianxin/contracts';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { publish } from '../../../../shared/application/event-factory';
import { REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { checkLeader } from '../../../domain/group-size-rules';
import { requireGroup } from '../../../infrastructure/party-group.repository';
import { groupRuleError } from '../../group-rule-error';
import { toPartyGroupView, type PartyGroupView } from '../../party-group-view';

export const changeGroupLeaderBody = z.strictObject({ memberId: z.uuid() });
export type ChangeGroupLeaderCommand = z.output<typeof changeGroupLeaderBody> & { groupId: string };

@Injectable()
export class ChangeGroupLeaderHandler {
  constructor(@Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute(command: ChangeGroupLeaderCommand, actor: Actor): Promise<PartyGroupView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const group = await requireGroup(tx.manager, command.groupId, true);
      const problem = checkLeader(group.member_ids, command.memberId);
      if (problem) throw groupRuleError(problem);
      if (group.leader_member_id === command.memberId) return toPartyGroupView(group);
      await tx.manager.query(
        'UPDATE party_groups SET leader_member_id = $2, version = version + 1, updated_at = now() WHERE id = $1',
        [group.id, command.memberId],
      );
      publish(
        tx,
        partyGroupLeaderChangedV1,
        actor,
        'registry.party-group.write',
        { districtId: group.district_id, orgPath: group.org_path, aggregateId: group.id },
        {
          partyGroupId: group.id,
          previousLeaderMemberId: group.leader_member_id,
          leaderMemberId: command.memberId,
        },
      );
      return toPartyGroupView(await requireGroup(tx.manager, group.id));
    });
  }
}
