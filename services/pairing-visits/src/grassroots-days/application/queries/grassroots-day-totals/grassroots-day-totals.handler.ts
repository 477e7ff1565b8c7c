import { Injectable } from '@nestjs/common';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { type GrassrootsTotalsInput, type GrassrootsTotalsView } from '../../grassroots-days.schemas';

/** Yearly totals per cadre in scope. */
@Injectable()
export class GrassrootsDayTotalsHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, input: GrassrootsTotalsInput): Promise<GrassrootsTotalsView> {
    return this.db.run(context.actor.scope, async (tx) => {
      const rows = (await tx.manager.query(
        `SELECT cadre_id AS "cadreId", count(*)::int AS days, count(*) FILTER (WHERE stayed_overnight)::int AS "nightsStayed"
           FROM grassroots_days WHERE served_year = $1 AND ($2::uuid IS NULL OR cadre_id = $2)
          GROUP BY cadre_id ORDER BY cadre_id LIMIT $3 OFFSET $4`,
        [input.year, input.cadreId ?? null, input.limit, input.offset],
      )) as { cadreId: string; days: number; nightsStayed: number }[];
      return { year: input.year, items: rows };
    });
  }
}
