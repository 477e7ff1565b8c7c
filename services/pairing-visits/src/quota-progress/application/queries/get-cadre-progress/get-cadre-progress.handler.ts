import { NotFoundError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { districtScopeOf, type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { periodOf, progressFor } from '../../progress-calculator';
import { type CadreProgressInput, type CadreProgressView } from '../../quota-progress.schemas';

/**
 * One cadre's progress for a year. Counts cover the cadre's work anywhere in the district (a
 * township cadre visits households outside their own branch), so the read runs in the district
 * scope; only the cadre must be inside the caller's scope.
 */
@Injectable()
export class GetCadreProgressHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(
    context: CommandContext,
    cadreId: string,
    input: CadreProgressInput,
  ): Promise<CadreProgressView> {
    const period = periodOf(context.now, input.year, input.asOf);
    return this.db.run(districtScopeOf(context.actor.scope), async (tx) => {
      const { views } = await progressFor(tx.manager, period, { path: context.actor.scope, cadreId });
      const view = views[0];
      if (!view) throw NotFoundError.of('member', cadreId);
      return view;
    });
  }
}
