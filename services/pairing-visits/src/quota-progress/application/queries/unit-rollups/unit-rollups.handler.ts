import { Injectable } from '@nestjs/common';
import { OrgUnitOrmEntity } from '../../../../projections/infrastructure/org-unit.orm-entity';
import { districtScopeOf, type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { reportPath } from '../../../../shared/application/scope-filter';
import { pathSegments } from '../../../../shared/domain/org-path';
import { type UnitRollup } from '../../../domain/quota-progress';
import { summariseJudgedTallies, type JudgedSummary } from '../../../infrastructure/quota-tally.repository';
import { JUDGED_RANKS, periodOf, rulesFor, schedulesOf } from '../../progress-calculator';
import { type RollupInput, type RollupView } from '../../quota-progress.schemas';

function sum(orgPath: string, groups: readonly JudgedSummary[]): UnitRollup {
  return groups.reduce<UnitRollup>(
    (total, group) => ({
      orgPath,
      cadres: total.cadres + group.cadres,
      behind: total.behind + group.behind,
      complete: total.complete + group.complete,
      visits: total.visits + group.visits,
      problemsSolved: total.problemsSolved + group.problemsSolved,
      grassrootsDays: total.grassrootsDays + group.grassrootsDays,
    }),
    { orgPath, cadres: 0, behind: 0, complete: 0, visits: 0, problemsSolved: 0, grassrootsDays: 0 },
  );
}

/**
 * Progress summed for a unit and each of its direct child units (district → townships → villages …).
 * Postgres judges each cadre against their rank's schedule and sums per child unit (the same
 * numbers rollUp computes from cadre views; tests compare them), so a district of 20,000 cadres
 * sends a few dozen rows to the service.
 */
@Injectable()
export class UnitRollupsHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, input: RollupInput): Promise<RollupView> {
    const path = reportPath(context.actor.scope, input.orgPath);
    const period = periodOf(context.now, input.year, input.asOf);
    return this.db.run(districtScopeOf(context.actor.scope), async (tx) => {
      const rules = await rulesFor(tx.manager, period);
      const groups = await summariseJudgedTallies(tx.manager, {
        path,
        year: period.year,
        schedules: schedulesOf(rules),
        ranks: JUDGED_RANKS,
      });
      const depth = pathSegments(path).length + 1;
      const units = (await tx.manager.query(
        `SELECT org_path AS "orgPath", unit_name AS "unitName" FROM org_units
          WHERE org_path LIKE $1 || '%'
            AND (org_path = $1 OR array_length(string_to_array(trim(both '/' from org_path), '/'), 1) = $2)
          ORDER BY org_path`,
        [path, depth],
      )) as Pick<OrgUnitOrmEntity, 'orgPath' | 'unitName'>[];
      const names = new Map(units.map((unit) => [unit.orgPath, unit.unitName]));
      const byChild = new Map(groups.map((group) => [group.child, group]));
      const children = units.filter((unit) => unit.orgPath !== path);
      const rollups = [
        sum(path, groups),
        ...children.map((unit) => {
          const code = pathSegments(unit.orgPath).at(-1) ?? null;
          const group = byChild.get(code);
          return sum(unit.orgPath, group ? [group] : []);
        }),
      ];
      return {
        year: period.year,
        asOf: period.asOf,
        orgPath: path,
        units: rollups.map((unit) => ({ ...unit, unitName: names.get(unit.orgPath) ?? null })),
      };
    });
  }
}
