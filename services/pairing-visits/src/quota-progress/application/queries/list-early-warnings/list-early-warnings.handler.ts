import { Injectable } from '@nestjs/common';
import { districtScopeOf, type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { reportPath } from '../../../../shared/application/scope-filter';
import { periodOf, progressFor } from '../../progress-calculator';
import { type EarlyWarningInput, type EarlyWarningView } from '../../quota-progress.schemas';

/** Cadres under a unit who are behind the pro-rata schedule on any of their targets. */
@Injectable()
export class ListEarlyWarningsHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, input: EarlyWarningInput): Promise<EarlyWarningView> {
    const path = reportPath(context.actor.scope, input.orgPath);
    const period = periodOf(context.now, input.year, input.asOf);
    return this.db.run(districtScopeOf(context.actor.scope), async (tx) => {
      const { views } = await progressFor(tx.manager, period, { path });
      const behind = views.filter((view) => view.behindSchedule);
      return {
        year: period.year,
        asOf: period.asOf,
        cadresChecked: views.length,
        behind: behind.length,
        items: behind.slice(input.offset, input.offset + input.limit),
      };
    });
  }
}
