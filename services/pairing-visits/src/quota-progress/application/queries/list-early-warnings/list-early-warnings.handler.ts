import { Injectable } from '@nestjs/common';
import { districtScopeOf, type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { reportPath } from '../../../../shared/application/scope-filter';
import { loadBehindTallies } from '../../../infrastructure/quota-tally.repository';
import { JUDGED_RANKS, periodOf, rulesFor, schedulesOf, viewsOf } from '../../progress-calculator';
import { type EarlyWarningInput, type EarlyWarningView } from '../../quota-progress.schemas';

/**
 * Cadres under a unit who are behind the pro-rata schedule on any of their targets. Postgres
 * judges every cadre against their rank's schedule and returns the counts and one page; only that
 * page is turned into progress views here.
 */
@Injectable()
export class ListEarlyWarningsHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, input: EarlyWarningInput): Promise<EarlyWarningView> {
    const path = reportPath(context.actor.scope, input.orgPath);
    const period = periodOf(context.now, input.year, input.asOf);
    return this.db.run(districtScopeOf(context.actor.scope), async (tx) => {
      const rules = await rulesFor(tx.manager, period);
      const { checked, behind, page } = await loadBehindTallies(tx.manager, {
        path,
        year: period.year,
        schedules: schedulesOf(rules),
        ranks: JUDGED_RANKS,
        offset: input.offset,
        limit: input.limit,
      });
      return {
        year: period.year,
        asOf: period.asOf,
        cadresChecked: checked,
        behind,
        items: viewsOf(rules, page),
      };
    });
  }
}
