import { ForbiddenError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { OrgUnitOrmEntity } from '../../../../projections/infrastructure/org-unit.orm-entity';
import { districtScopeOf, type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { DEFAULT_SLA_RULES } from '../../../domain/sla-policy';
import { SlaRuleOrmEntity } from '../../../infrastructure/sla-rule.orm-entity';
import { slaRulesFor } from '../../../infrastructure/sla-rule.repository';
import { type SlaRuleInput, type SlaRulesView } from '../../tickets.schemas';

/** Sets a district's clock for one ticket category (applies to tickets received from now on). */
@Injectable()
export class ConfigureSlaHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, category: string, input: SlaRuleInput): Promise<SlaRulesView> {
    await this.db.run(context.actor.scope, async (tx) => {
      const district = await tx.manager
        .getRepository(OrgUnitOrmEntity)
        .findOne({ where: { id: input.districtId, level: 'district' } });
      if (!district || !district.orgPath.startsWith(context.actor.scope)) {
        throw new ForbiddenError('SLA rules can only be set for a district within your scope');
      }
      await tx.manager.getRepository(SlaRuleOrmEntity).upsert(
        {
          districtId: input.districtId,
          category,
          orgPath: district.orgPath,
          acceptWithinHours: input.acceptWithinHours,
          resolveWithinHours: input.resolveWithinHours,
          updatedBy: context.actor.id,
          updatedAt: context.now,
        },
        ['districtId', 'category'],
      );
    });
    return this.list(context, input.districtId);
  }

  /** Configured rules plus the defaults for categories the district has not configured. */
  async list(context: CommandContext, districtId: string): Promise<SlaRulesView> {
    return this.db.run(districtScopeOf(context.actor.scope), async (tx) => {
      const configured = await slaRulesFor(tx.manager, districtId);
      const names = new Set(configured.map((rule) => rule.category));
      return {
        districtId,
        rules: [
          ...configured.map((rule) => ({ ...rule, configured: true })),
          ...DEFAULT_SLA_RULES.filter((rule) => !names.has(rule.category)).map((rule) => ({
            ...rule,
            configured: false,
          })),
        ].sort((a, b) => a.category.localeCompare(b.category)),
      };
    });
  }
}
