import { townshipOf, villageOf } from '../../shared/domain/org-path';

export interface SuggestionCadre {
  readonly id: string;
  readonly orgPath: string;
  readonly activePairings: number;
  readonly minHouseholds: number;
  /** null: no upper bound in the rules. */
  readonly maxHouseholds: number | null;
}

export interface SuggestionHousehold {
  readonly id: string;
  readonly orgPath: string;
}

export type Proximity = 'same_village' | 'same_township' | 'same_district';

export interface SuggestedPairing {
  readonly householdId: string;
  readonly cadreId: string;
  readonly proximity: Proximity;
}

export interface SuggestionResult {
  readonly suggestions: SuggestedPairing[];
  /** Households no cadre can take without breaking a maximum. */
  readonly unassigned: string[];
  readonly fullCoverage: boolean;
}

function proximityOf(household: SuggestionHousehold, cadre: SuggestionCadre): Proximity {
  const village = villageOf(household.orgPath);
  if (village !== null && cadre.orgPath.startsWith(village)) return 'same_village';
  const township = townshipOf(household.orgPath);
  if (township !== null && cadre.orgPath.startsWith(township)) return 'same_township';
  return 'same_district';
}

const PROXIMITY_RANK: Record<Proximity, number> = { same_village: 0, same_township: 1, same_district: 2 };

/**
 * Deterministic greedy assignment. Households are taken in a fixed order (org path, then id) —
 * households in the thinnest-served places first would be fairer but is harder to audit; the
 * order is documented instead. For each household the candidates are cadres under their maximum,
 * ranked by: proximity (same village, then township, then district); cadres still below their
 * minimum quota first; fewest pairings; then id. The same inputs always give the same output,
 * regardless of input order.
 */
export function suggestPairings(
  households: readonly SuggestionHousehold[],
  cadres: readonly SuggestionCadre[],
): SuggestionResult {
  const load = new Map<string, number>(cadres.map((cadre) => [cadre.id, cadre.activePairings]));
  const orderedCadres = [...cadres].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const orderedHouseholds = [...households].sort((a, b) =>
    a.orgPath !== b.orgPath ? (a.orgPath < b.orgPath ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const suggestions: SuggestedPairing[] = [];
  const unassigned: string[] = [];

  for (const household of orderedHouseholds) {
    let best: { cadre: SuggestionCadre; proximity: Proximity; key: [number, number, number] } | null = null;
    for (const cadre of orderedCadres) {
      const current = load.get(cadre.id) ?? 0;
      if (cadre.maxHouseholds !== null && current >= cadre.maxHouseholds) continue;
      const proximity = proximityOf(household, cadre);
      const key: [number, number, number] = [
        PROXIMITY_RANK[proximity],
        current < cadre.minHouseholds ? 0 : 1,
        current,
      ];
      if (best === null || compareKeys(key, best.key) < 0) best = { cadre, proximity, key };
    }
    if (best === null) {
      unassigned.push(household.id);
      continue;
    }
    load.set(best.cadre.id, (load.get(best.cadre.id) ?? 0) + 1);
    suggestions.push({ householdId: household.id, cadreId: best.cadre.id, proximity: best.proximity });
  }
  return { suggestions, unassigned, fullCoverage: unassigned.length === 0 };
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < a.length; index += 1) {
    const diff = (a[index] ?? 0) - (b[index] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
