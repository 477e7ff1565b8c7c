import { Injectable } from '@nestjs/common';
import { isCadreRank } from '../../../../quota-rules/domain/cadre-rank';
import { ruleSetFor } from '../../../../quota-rules/infrastructure/quota-rule-set.repository';
import {
  districtPathOf,
  districtScopeOf,
  type CommandContext,
} from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { reportPath } from '../../../../shared/application/scope-filter';
import { shanghaiDate } from '../../../../shared/domain/business-date';
import { suggestPairings, type SuggestionCadre } from '../../../domain/pairing-suggestion';
import { type SuggestionInput, type SuggestionView } from '../../pairings.schemas';

interface CadreRow {
  id: string;
  org_path: string;
  district_id: string;
  cadre_rank: string;
  load: number;
}

/**
 * Proposes pairings that close the coverage gaps under a unit within quotas (nothing is saved:
 * the branch confirms each one with POST /pairings). Households are the uncovered ones under the
 * unit; candidates are the active cadres of the same district.
 */
@Injectable()
export class SuggestPairingsHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, input: SuggestionInput): Promise<SuggestionView> {
    const path = reportPath(context.actor.scope, input.orgPath);
    const districtPath = districtPathOf(path) ?? path;
    return this.db.run(districtScopeOf(context.actor.scope), async (tx) => {
      const households = (await tx.manager.query(
        `SELECT h.id, h.org_path AS "orgPath", h.district_id AS "districtId" FROM households h
          WHERE h.active AND (h.hardship_status <> 'none' OR h.is_migrant_member_household) AND h.org_path LIKE $1 || '%'
            AND NOT EXISTS (SELECT 1 FROM pairings p WHERE p.household_id = h.id AND p.status = 'active')`,
        [path],
      )) as { id: string; orgPath: string; districtId: string }[];
      const cadreRows = (await tx.manager.query(
        `SELECT m.id, m.org_path, m.district_id, m.cadre_rank,
                (SELECT count(*)::int FROM pairings p WHERE p.cadre_id = m.id AND p.status = 'active') AS load
           FROM members m
          WHERE m.status = 'active' AND m.org_path LIKE $1 || '%' AND ($2::boolean OR m.cadre_rank <> 'none')`,
        [districtPath, input.includeOrdinaryMembers],
      )) as CadreRow[];
      const districtId = households[0]?.districtId ?? cadreRows[0]?.district_id ?? null;
      const rules = await ruleSetFor(tx.manager, districtId, shanghaiDate(context.now));
      const cadres: SuggestionCadre[] = cadreRows.map((row) => {
        const rule = rules.rules[isCadreRank(row.cadre_rank) ? row.cadre_rank : 'none'];
        return {
          id: row.id,
          orgPath: row.org_path,
          activePairings: row.load,
          minHouseholds: rule.minHouseholds,
          maxHouseholds: rule.maxHouseholds,
        };
      });
      const result = suggestPairings(households, cadres);
      return { orgPath: path, ...result };
    });
  }
}
