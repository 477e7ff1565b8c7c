import { Injectable } from '@nestjs/common';
import { OrgUnitOrmEntity } from '../../../../projections/infrastructure/org-unit.orm-entity';
import { districtScopeOf, type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { reportPath } from '../../../../shared/application/scope-filter';
import { pathSegments } from '../../../../shared/domain/org-path';
import { rollUp } from '../../../domain/quota-progress';
import { periodOf, progressFor } from '../../progress-calculator';
import { type RollupInput, type RollupView } from '../../quota-progress.schemas';

/** Progress summed for a unit and each of its direct child units (district → townships → villages …). */
@Injectable()
export class UnitRollupsHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, input: RollupInput): Promise<RollupView> {
    const path = reportPath(context.actor.scope, input.orgPath);
    const period = periodOf(context.now, input.year, input.asOf);
    return this.db.run(districtScopeOf(context.actor.scope), async (tx) => {
      const { rows, views } = await progressFor(tx.manager, period, { path });
      const depth = pathSegments(path).length + 1;
      const children = await tx.manager
        .getRepository(OrgUnitOrmEntity)
        .createQueryBuilder('u')
        .where(`u.org_path LIKE :path || '%'`, { path })
        .andWhere(`array_length(string_to_array(trim(both '/' from u.org_path), '/'), 1) = :depth`, { depth })
        .orderBy('u.org_path')
        .getMany();
      const names = new Map<string, string>(children.map((unit) => [unit.orgPath, unit.unitName]));
      const self = await tx.manager.getRepository(OrgUnitOrmEntity).findOne({ where: { orgPath: path } });
      if (self) names.set(path, self.unitName);
      const cadres = rows.map((row, index) => {
        const progress = views[index];
        if (!progress) throw new Error('progress rows out of step');
        return { orgPath: row.orgPath, tally: row, progress };
      });
      const units = rollUp([path, ...children.map((unit) => unit.orgPath)], cadres);
      return {
        year: period.year,
        asOf: period.asOf,
        orgPath: path,
        units: units.map((unit) => ({ ...unit, unitName: names.get(unit.orgPath) ?? null })),
      };
    });
  }
}
