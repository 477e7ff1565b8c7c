import { Injectable } from '@nestjs/common';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { reportPath } from '../../../../shared/application/scope-filter';
import {
  type PracticalMatterCountsInput,
  type PracticalMatterCountsView,
} from '../../practical-matters.schemas';

/** Practical matters done (办实事) counted per member or per unit (the member's branch), with households helped. */
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
      const where = `done_year = $1 AND member_org_path LIKE $2 || '%'`;
      const rows = (await tx.manager.query(
        `SELECT ${key} AS key, count(*)::int AS matters, count(DISTINCT household_id)::int AS households
           FROM practical_matters WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT $3 OFFSET $4`,
        [input.year, path, input.limit, input.offset],
      )) as { key: string; matters: number; households: number }[];
      const [total] = (await tx.manager.query(
        `SELECT count(*)::int AS n FROM practical_matters WHERE ${where}`,
        [input.year, path],
      )) as {
        n: number;
      }[];
      return { year: input.year, groupBy: input.groupBy, total: total?.n ?? 0, items: rows };
    });
  }
}
