import { Inject, Injectable } from '@nestjs/common';
import { partyGroupActivityRecordedV1 } from '@lianxin/contracts';
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
import { businessDateSchema, codeSchema } from '../../../../shared/domain/field-schemas';
import { requireGroup } from '../../../infrastructure/party-group.repository';

export const recordGroupActivityBody = z.strictObject({
  heldOn: businessDateSchema,
  topic: z.string().trim().min(1).max(200),
  /** Optional catalogue code of the topic, published instead of the free text. */
  topicCode: codeSchema.nullable().default(null),
  attendeeMemberIds: z.array(z.uuid()).min(1).max(10),
});
export type RecordGroupActivityCommand = z.output<typeof recordGroupActivityBody> & { groupId: string };
export const activityViewSchema = z.object({
  id: z.uuid(),
  partyGroupId: z.uuid(),
  heldOn: z.string(),
  topic: z.string(),
  attendeeMemberIds: z.array(z.uuid()),
});
export type ActivityView = z.infer<typeof activityViewSchema>;

@Injectable()
export class RecordGroupActivityHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REGISTRY_SETTINGS) private readonly settings: RegistrySettings,
  ) {}

  execute(command: RecordGroupActivityCommand, actor: Actor): Promise<ActivityView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const group = await requireGroup(tx.manager, command.groupId);
      if (command.heldOn > this.settings.today())
        throw new BusinessRuleError('an activity is recorded after it was held', {
          rule: 'activity-in-future',
        });
      const outsiders = command.attendeeMemberIds.filter((id) => !group.member_ids.includes(id));
      if (outsiders.length > 0)
        throw new BusinessRuleError(`attendees must be members of the group: ${outsiders.join(', ')}`, {
          rule: 'attendee-in-group',
        });
      const id = uuidv7();
      await tx.manager.query(
        'INSERT INTO party_group_activities (id, party_group_id, district_id, org_path, held_on, topic, attendee_member_ids) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [
          id,
          group.id,
          group.district_id,
          group.org_path,
          command.heldOn,
          command.topic,
          command.attendeeMemberIds,
        ],
      );
      publish(
        tx,
        partyGroupActivityRecordedV1,
        actor,
        'registry.party-group.write',
        { districtId: group.district_id, orgPath: group.org_path, aggregateId: group.id },
        {
          partyGroupId: group.id,
          activityId: id,
          heldOn: command.heldOn,
          topicCode: command.topicCode,
          attendeeCount: command.attendeeMemberIds.length,
        },
      );
      return {
        id,
        partyGroupId: group.id,
        heldOn: command.heldOn,
        topic: command.topic,
        attendeeMemberIds: command.attendeeMemberIds,
      };
    });
  }
}
