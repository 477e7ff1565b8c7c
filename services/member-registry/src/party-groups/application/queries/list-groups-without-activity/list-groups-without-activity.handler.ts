import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { requireUnit } from '../../../../shared/application/scope';
import { monthBounds } from '../../../domain/group-size-rules';
import type { PartyGroupRow } from '../../../infrastructure/party-group.repository';
import { toPartyGroupView, type PartyGroupView } from '../../party-group-view';

export const withoutActivityQuery = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
  unitId: z.uuid().optional(),
});
export type WithoutActivityQuery = z.output<typeof withoutActivityQuery>;

@Injectable()
export class ListGroupsWithoutActivityHandler {
  constructor(@Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** 000: every group meets at least once a month; this lists the groups that did not. */
  execute(query: WithoutActivityQuery, actor: Actor): Promise<{ month: string; items: PartyGroupView[] }> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const prefix = query.unitId ? (await requireUnit(tx.manager, query.unitId)).org_path : actor.scope;
      const { from, to } = monthBounds(query.month);
      const rows = await tx.manager.query<PartyGroupRow[]>(
        `SELECT g.id, g.district_id, g.org_path, g.branch_id, g.name, g.group_type, g.responsibility_area, g.leader_member_id,
                to_char(g.formed_on, 'YYYY-MM-DD') AS formed_on,
                COALESCE((SELECT array_agg(m.member_id) FROM party_group_members m WHERE m.party_group_id = g.id), '{}') AS member_ids,
                (SELECT to_char(max(a.held_on), 'YYYY-MM-DD') FROM party_group_activities a WHERE a.party_group_id = g.id) AS last_activity_on
           FROM party_groups g
          WHERE g.org_path LIKE $1 || '%' AND g.active AND g.formed_on <= $3::date
            AND NOT EXISTS (SELECT 1 FROM party_group_activities a WHERE a.party_group_id = g.id AND a.held_on BETWEEN $2::date AND $3::date)
          ORDER BY g.org_path, g.name`,
        [prefix, from, to],
      );
      return { month: query.month, items: rows.map(toPartyGroupView) };
    });
  }
}
