import { Injectable } from '@nestjs/common';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { reportPath } from '../../../../shared/application/scope-filter';
import { coverageReasons } from '../../../domain/coverage';
import { type CoverageInput, type CoverageView } from '../../pairings.schemas';

interface UncoveredRow {
  id: string;
  org_path: string;
  hardship_status: string;
  is_migrant_member_household: boolean;
  task_id: string | null;
}

/** Hardship households and households of migrant members with no active pairing (全覆盖 gaps). */
@Injectable()
export class CoverageReportHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, input: CoverageInput): Promise<CoverageView> {
    const path = reportPath(context.actor.scope, input.orgPath);
    return this.db.run(context.actor.scope, async (tx) => {
      const needing = `h.active AND (h.hardship_status <> 'none' OR h.is_migrant_member_household) AND h.org_path LIKE $1 || '%'`;
      const uncoveredFilter = `NOT EXISTS (SELECT 1 FROM pairings p WHERE p.household_id = h.id AND p.status = 'active')`;
      const [totals] = (await tx.manager.query(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE ${uncoveredFilter})::int AS uncovered FROM households h WHERE ${needing}`,
        [path],
      )) as { total: number; uncovered: number }[];
      const rows = (await tx.manager.query(
        `SELECT h.id, h.org_path, h.hardship_status, h.is_migrant_member_household,
                (SELECT t.id FROM repairing_tasks t WHERE t.household_id = h.id AND t.status = 'open' ORDER BY t.created_at LIMIT 1) AS task_id
           FROM households h WHERE ${needing} AND ${uncoveredFilter}
          ORDER BY h.org_path, h.id LIMIT $2 OFFSET $3`,
        [path, input.limit, input.offset],
      )) as UncoveredRow[];
      const total = totals?.total ?? 0;
      const uncovered = totals?.uncovered ?? 0;
      return {
        orgPath: path,
        householdsToCover: total,
        covered: total - uncovered,
        uncovered,
        coverageRate: total === 0 ? null : (total - uncovered) / total,
        items: rows.map((row) => ({
          householdId: row.id,
          orgPath: row.org_path,
          reasons: coverageReasons({
            id: row.id,
            orgPath: row.org_path,
            hardshipStatus: row.hardship_status,
            hasMigrantMember: row.is_migrant_member_household,
          }),
          openRepairingTaskId: row.task_id,
        })),
      };
    });
  }
}
