import { Inject, Injectable } from '@nestjs/common';
import { partyGroupCreatedV1, partyGroupType, responsibilityArea } from '@lianxin/contracts';
import type { Actor } from '@lianxin/auth';
import { BusinessRuleError } from '@lianxin/platform-http';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { publish } from '../../../../shared/application/event-factory';
import {
  REGISTRY_DATA_SOURCE,
  REGISTRY_SETTINGS,
  type RegistrySettings,
} from '../../../../shared/application/registry-tokens';
import { requireUnit } from '../../../../shared/application/scope';
import { checkFormation } from '../../../domain/group-size-rules';
import { membersOfBranch, requireGroup } from '../../../infrastructure/party-group.repository';
import { groupRuleError } from '../../group-rule-error';
import { toPartyGroupView, type PartyGroupView } from '../../party-group-view';

export const createPartyGroupBody = z
  .strictObject({
    branchId: z.uuid(),
    name: z.string().trim().min(1).max(60),
    groupType: partyGroupType,
    responsibilityArea: responsibilityArea.nullable().default(null),
    memberIds: z.array(z.uuid()).max(20).default([]),
    leaderMemberId: z.uuid().nullable().default(null),
  })
  .refine((v) => (v.groupType === 'responsibility') === (v.responsibilityArea !== null), {
    message: 'responsibility groups name one of the five areas; other groups none',
    path: ['responsibilityArea'],
  });
export type CreatePartyGroupCommand = z.output<typeof createPartyGroupBody>;

@Injectable()
export class CreatePartyGroupHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REGISTRY_SETTINGS) private readonly settings: RegistrySettings,
  ) {}

  execute(command: CreatePartyGroupCommand, actor: Actor): Promise<PartyGroupView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const branch = await requireUnit(tx.manager, command.branchId, 'branch');
      if (branch.level !== 'branch')
        throw new BusinessRuleError('party groups are formed inside a branch', { rule: 'group-in-branch' });
      const problem = checkFormation(command.memberIds, command.leaderMemberId);
      if (problem) throw groupRuleError(problem);
      const found = await membersOfBranch(tx.manager, branch.id, command.memberIds);
      const missing = command.memberIds.filter((id) => !found.has(id));
      if (missing.length > 0)
        throw new BusinessRuleError(`not active members of this branch: ${missing.join(', ')}`, {
          rule: 'member-of-branch',
        });
      const id = uuidv7();
      const today = this.settings.today();
      await tx.manager.query(
        `INSERT INTO party_groups (id, district_id, org_path, branch_id, name, group_type, responsibility_area, leader_member_id, formed_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          id,
          branch.district_id,
          branch.org_path,
          branch.id,
          command.name,
          command.groupType,
          command.responsibilityArea,
          command.leaderMemberId,
          today,
        ],
      );
      await tx.manager.query(
        `INSERT INTO party_group_members (party_group_id, member_id, district_id, org_path, joined_on) SELECT $1, unnest($2::uuid[]), $3, $4, $5`,
        [id, command.memberIds, branch.district_id, branch.org_path, today],
      );
      publish(
        tx,
        partyGroupCreatedV1,
        actor,
        'registry.party-group.write',
        { districtId: branch.district_id, orgPath: branch.org_path, aggregateId: id },
        {
          partyGroupId: id,
          branchUnitId: branch.id,
          groupType: command.groupType,
          responsibilityArea: command.responsibilityArea,
          leaderMemberId: command.leaderMemberId,
          formedOn: today,
        },
      );
      return toPartyGroupView(await requireGroup(tx.manager, id));
    });
  }
}
