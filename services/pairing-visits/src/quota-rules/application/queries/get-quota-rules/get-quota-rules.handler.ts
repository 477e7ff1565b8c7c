import { Injectable } from '@nestjs/common';
import { districtScopeOf, type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { shanghaiDate } from '../../../../shared/domain/business-date';
import { ruleSetFor } from '../../../infrastructure/quota-rule-set.repository';
import { type GetQuotaRulesInput, type QuotaRuleSetView } from '../../quota-rules.schemas';

@Injectable()
export class GetQuotaRulesHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, input: GetQuotaRulesInput): Promise<QuotaRuleSetView> {
    // District rules live on the district's path; a township admin reads them through the district scope.
    return this.db.run(districtScopeOf(context.actor.scope), async (tx) => {
      const set = await ruleSetFor(tx.manager, input.districtId, input.onDate ?? shanghaiDate(context.now));
      return {
        districtId: input.districtId,
        version: set.version,
        effectiveFrom: set.effectiveFrom,
        isDefault: set.version === 0,
        rules: set.rules,
      };
    });
  }
}
