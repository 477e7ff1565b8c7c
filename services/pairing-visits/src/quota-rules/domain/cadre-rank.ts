// Cadre ranks as the registry publishes them (000): they decide pairing and visit quotas.
export const CADRE_RANKS = [
  'county_leader',
  'section_chief_or_above',
  'township_cadre',
  'other_cadre',
  'department_head',
  'none',
] as const;

export type CadreRank = (typeof CADRE_RANKS)[number];

export function isCadreRank(value: string): value is CadreRank {
  return (CADRE_RANKS as readonly string[]).includes(value);
}
