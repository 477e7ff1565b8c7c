import fc from 'fast-check';
import { suggestPairings, type SuggestionCadre, type SuggestionHousehold } from './pairing-suggestion';
import { coverageReasons, uncoveredHouseholds } from './coverage';

const cadre = (
  id: string,
  orgPath: string,
  activePairings = 0,
  max: number | null = 3,
  min = 2,
): SuggestionCadre => ({
  id,
  orgPath,
  activePairings,
  minHouseholds: min,
  maxHouseholds: max,
});

describe('coverage', () => {
  it('requires hardship households and households of migrant members to be covered', () => {
    const households = [
      { id: 'h1', orgPath: '/lx/a/', hardshipStatus: 'poor', hasMigrantMember: false },
      { id: 'h2', orgPath: '/lx/a/', hardshipStatus: 'none', hasMigrantMember: true },
      { id: 'h3', orgPath: '/lx/a/', hardshipStatus: 'none', hasMigrantMember: false },
      { id: 'h4', orgPath: '/lx/a/', hardshipStatus: 'extreme_hardship', hasMigrantMember: false },
    ];
    expect(uncoveredHouseholds(households, new Set(['h4'])).map((h) => h.id)).toEqual(['h1', 'h2']);
    expect(
      coverageReasons({ id: 'h2', orgPath: '/lx/a/', hardshipStatus: 'none', hasMigrantMember: true }),
    ).toEqual(['migrant_member']);
  });
});

describe('pairing suggestion', () => {
  it('prefers a cadre of the same village, then the same township', () => {
    const result = suggestPairings(
      [
        { id: 'h1', orgPath: '/lx/ty/dahe/v-a/b-01/' },
        { id: 'h2', orgPath: '/lx/ty/dahe/v-b/' },
        { id: 'h3', orgPath: '/lx/ty/shi/v-c/' },
      ],
      [
        cadre('c-district', '/lx/ty/'),
        cadre('c-township', '/lx/ty/dahe/'),
        cadre('c-village', '/lx/ty/dahe/v-a/b-02/'),
      ],
    );
    expect(result.suggestions).toEqual([
      { householdId: 'h1', cadreId: 'c-village', proximity: 'same_village' },
      { householdId: 'h2', cadreId: 'c-township', proximity: 'same_township' },
      { householdId: 'h3', cadreId: 'c-district', proximity: 'same_district' },
    ]);
    expect(result.fullCoverage).toBe(true);
  });

  it('never exceeds a maximum and reports what cannot be covered', () => {
    const households = ['h1', 'h2', 'h3'].map((id) => ({ id, orgPath: '/lx/ty/dahe/v-a/' }));
    const result = suggestPairings(households, [cadre('c1', '/lx/ty/dahe/v-a/', 1, 3)]);
    expect(result.suggestions).toHaveLength(2);
    expect(result.unassigned).toEqual(['h3']);
    expect(result.fullCoverage).toBe(false);
  });

  it('fills cadres below their minimum before adding to others', () => {
    const households = [{ id: 'h1', orgPath: '/lx/ty/dahe/v-a/' }];
    const result = suggestPairings(households, [
      cadre('a', '/lx/ty/dahe/v-a/', 2),
      cadre('b', '/lx/ty/dahe/v-a/', 1, 10, 5),
    ]);
    expect(result.suggestions[0]?.cadreId).toBe('b');
  });

  const arbitraryWorld = fc.record({
    households: fc.uniqueArray(
      fc.record({
        id: fc.uuid(),
        orgPath: fc.constantFrom('/lx/ty/a/v1/', '/lx/ty/a/v2/', '/lx/ty/b/v3/', '/lx/ty/'),
      }),
      { selector: (h) => h.id, maxLength: 30 },
    ),
    cadres: fc.uniqueArray(
      fc.record({
        id: fc.uuid(),
        orgPath: fc.constantFrom('/lx/ty/a/v1/b/', '/lx/ty/a/', '/lx/ty/b/v3/', '/lx/ty/'),
        activePairings: fc.integer({ min: 0, max: 4 }),
        minHouseholds: fc.integer({ min: 0, max: 5 }),
        maxHouseholds: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
      }),
      { selector: (c) => c.id, maxLength: 8 },
    ),
  });

  it('is deterministic whatever order the inputs come in', () => {
    fc.assert(
      fc.property(arbitraryWorld, fc.integer({ min: 0, max: 1000 }), ({ households, cadres }, rotation) => {
        const rotate = <T>(items: readonly T[]): T[] => {
          const at = items.length === 0 ? 0 : rotation % items.length;
          return [...items.slice(at), ...items.slice(0, at)].reverse();
        };
        const a = suggestPairings(households, cadres);
        const b = suggestPairings(rotate(households), rotate(cadres));
        expect(b).toEqual(a);
      }),
    );
  });

  it('covers every household it can and never breaks a cadre maximum', () => {
    fc.assert(
      fc.property(arbitraryWorld, ({ households, cadres }) => {
        const result = suggestPairings(households as SuggestionHousehold[], cadres);
        expect(result.suggestions.length + result.unassigned.length).toBe(households.length);
        const capacity = cadres.reduce(
          (sum, c) =>
            c.maxHouseholds === null ? Infinity : sum + Math.max(0, c.maxHouseholds - c.activePairings),
          0,
        );
        expect(result.suggestions.length).toBe(Math.min(households.length, capacity));
        for (const c of cadres) {
          const added = result.suggestions.filter((s) => s.cadreId === c.id).length;
          if (c.maxHouseholds !== null)
            expect(c.activePairings + added).toBeLessThanOrEqual(Math.max(c.maxHouseholds, c.activePairings));
        }
      }),
    );
  });
});
