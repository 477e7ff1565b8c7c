import { BusinessRuleError, ForbiddenError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { OrgUnitOrmEntity } from '../../../../projections/infrastructure/org-unit.orm-entity';
import { InvalidQuotaRuleError, validateQuotaRules } from '../../../domain/quota-rule';
import { QuotaRuleSetOrmEntity } from '../../../infrastructure/quota-rule-set.orm-entity';
import { type PublishQuotaRulesInput, type QuotaRuleSetView } from '../../quota-rules.schemas';

/**
 * Adds a new version of a district's quota rules. Versions are never edited: a progress report
 * for a past date is always computed with the rules that were in force then.
 */
@Injectable()
export class PublishQuotaRulesHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, input: PublishQuotaRulesInput): Promise<QuotaRuleSetView> {
    try {
      validateQuotaRules(input.rules);
    } catch (error) {
      if (error instanceof InvalidQuotaRuleError)
        throw new BusinessRuleError(error.message, { rule: error.field });
      throw error;
    }
    return this.db.run(context.actor.scope, async (tx) => {
      const district = await tx.manager
        .getRepository(OrgUnitOrmEntity)
        .findOne({ where: { id: input.districtId, level: 'district' } });
      // Rules are per district: only someone whose scope covers the whole district may set them.
      if (!district || !district.orgPath.startsWith(context.actor.scope)) {
        throw new ForbiddenError('quota rules can only be set for a district within your scope');
      }
      const repository = tx.manager.getRepository(QuotaRuleSetOrmEntity);
      const latest = await repository.findOne({
        where: { districtId: input.districtId },
        order: { version: 'DESC' },
      });
      const row = repository.create({
        id: uuidv7(),
        districtId: input.districtId,
        orgPath: district.orgPath,
        version: (latest?.version ?? 0) + 1,
        effectiveFrom: input.effectiveFrom,
        rules: input.rules,
        createdBy: context.actor.id,
        createdAt: context.now,
      });
      await repository.insert(row);
      return {
        districtId: row.districtId,
        version: row.version,
        effectiveFrom: row.effectiveFrom,
        isDefault: false,
        rules: input.rules,
      };
    });
  }
}
