import { Injectable } from '@nestjs/common';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { reportPath } from '../../../../shared/application/scope-filter';
import {
  type PracticalMatterCountsInput,
  type PracticalMatterCountsView,
} from '../../practical-matters.schemas';

/**
 * Practical matters done (办实事) counted per member or per unit (the member's branch), with
 * households helped. One entry feeds every counter: matters done recorded in a visit diary entry
 * are practical-matter rows already, and a ticket the member resolved as solved or partially
 * solved counts from the ticket itself (the same rule as the quota's problems solved), so nobody
 * records a resolved ticket a second time as a practical matter (ADR 0009).
 */
@Injectable()
export class PracticalMatterCountsHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(
    context: CommandContext,
    input: PracticalMatterCountsInput,
  ): Promise<PracticalMatterCountsView> {
    const path = reportPath(context.actor.scope, input.orgPath);
    const key = input.groupBy === 'member' ? 'member_id::text' : 'member_org_path';
    return this.db.run(context.actor.scope, async (tx) => {
      const done = `
        WITH done AS (
          SELECT member_id, member_org_path, household_id, 1 AS recorded, 0 AS from_tickets
            FROM practical_matters
           WHERE done_year = $1 AND member_org_path LIKE $2 || '%'
          UNION ALL
          SELECT t.resolved_by_member_id, m.org_path, t.household_id, 0, 1
            FROM tickets t JOIN members m ON m.id = t.resolved_by_member_id
           WHERE t.resolved_year = $1 AND t.resolution_code IN ('solved', 'partially_solved')
             AND m.org_path LIKE $2 || '%'
        )`;
      const rows = (await tx.manager.query(
        `${done}
         SELECT ${key} AS key, count(*)::int AS matters, sum(recorded)::int AS recorded,
                sum(from_tickets)::int AS "fromTickets", count(DISTINCT household_id)::int AS households
           FROM done GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT $3 OFFSET $4`,
        [input.year, path, input.limit, input.offset],
      )) as { key: string; matters: number; recorded: number; fromTickets: number; households: number }[];
      const [total] = (await tx.manager.query(`${done} SELECT count(*)::int AS n FROM done`, [
        input.year,
        path,
      ])) as { n: number }[];
      return { year: input.year, groupBy: input.groupBy, total: total?.n ?? 0, items: rows };
    });
  }
}
