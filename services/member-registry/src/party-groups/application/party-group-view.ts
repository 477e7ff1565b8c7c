import { z } from 'zod';
import { partyGroupType, responsibilityArea } from '@lianxin/contracts';
import { PARTY_GROUP_TYPE_LABELS, RESPONSIBILITY_AREA_LABELS } from '../../shared/domain/labels';
import { isUnderstaffed } from '../domain/group-size-rules';
import type { PartyGroupRow } from '../infrastructure/party-group.repository';

export const partyGroupViewSchema = z.object({
  id: z.uuid(),
  branchId: z.uuid(),
  orgPath: z.string(),
  name: z.string(),
  groupType: partyGroupType,
  groupTypeLabel: z.string(),
  responsibilityArea: responsibilityArea.nullable(),
  responsibilityAreaLabel: z.string().nullable(),
  leaderMemberId: z.uuid().nullable(),
  memberIds: z.array(z.uuid()),
  memberCount: z.number().int(),
  /** Fewer than 5 members (000: 5–10 per group). */
  understaffed: z.boolean(),
  formedOn: z.string(),
  lastActivityOn: z.string().nullable(),
});
export type PartyGroupView = z.infer<typeof partyGroupViewSchema>;

export function toPartyGroupView(row: PartyGroupRow): PartyGroupView {
  const type = row.group_type as PartyGroupView['groupType'];
  const area = row.responsibility_area as PartyGroupView['responsibilityArea'];
  return {
    id: row.id,
    branchId: row.branch_id,
    orgPath: row.org_path,
    name: row.name,
    groupType: type,
    groupTypeLabel: PARTY_GROUP_TYPE_LABELS[type],
    responsibilityArea: area,
    responsibilityAreaLabel: area ? RESPONSIBILITY_AREA_LABELS[area] : null,
    leaderMemberId: row.leader_member_id,
    memberIds: row.member_ids,
    memberCount: row.member_ids.length,
    understaffed: isUnderstaffed(row.member_ids.length),
    formedOn: row.formed_on,
    lastActivityOn: row.last_activity_on,
  };
}
