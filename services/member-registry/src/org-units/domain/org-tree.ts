import type { OrgUnitKind } from '../../shared/domain/labels';

// The org tree (DOMAIN.md): city → district/county → township/town/street → village/community →
// Party branch. Paths are materialised from codes; codes never change, names may.

export const LEVELS = ['city', 'district', 'township', 'village', 'branch'] as const;
export type OrgLevel = (typeof LEVELS)[number];

const KINDS_BY_LEVEL: Readonly<Record<OrgLevel, readonly OrgUnitKind[]>> = {
  city: ['city'],
  district: ['district', 'county'],
  township: ['township', 'town', 'street'],
  village: ['village', 'community'],
  branch: ['branch'],
};

export function childLevelOf(level: OrgLevel): OrgLevel | null {
  const i = LEVELS.indexOf(level);
  return i < LEVELS.length - 1 ? LEVELS[i + 1] : null;
}

export function levelOfKind(kind: OrgUnitKind): OrgLevel {
  const level = LEVELS.find((l) => KINDS_BY_LEVEL[l].includes(kind));
  if (!level) throw new Error(`unknown kind ${kind}`);
  return level;
}

export type TreeProblem = 'wrong-parent-level' | 'move-into-own-subtree' | 'same-parent';

/** A unit of `kind` may sit directly under a parent of the level just above it. */
export function checkPlacement(parentLevel: OrgLevel, kind: OrgUnitKind): TreeProblem | null {
  return childLevelOf(parentLevel) === levelOfKind(kind) ? null : 'wrong-parent-level';
}

export function childPath(parentPath: string, code: string): string {
  return `${parentPath}${code}/`;
}

export function checkMove(
  unitPath: string,
  unitLevel: OrgLevel,
  currentParentId: string | null,
  newParent: { id: string; path: string; level: OrgLevel },
): TreeProblem | null {
  if (newParent.id === currentParentId) return 'same-parent';
  if (newParent.path.startsWith(unitPath)) return 'move-into-own-subtree';
  if (childLevelOf(newParent.level) !== unitLevel) return 'wrong-parent-level';
  return null;
}

/** Where a descendant's path goes when its ancestor moves from `oldPrefix` to `newPrefix`. */
export function rebasePath(path: string, oldPrefix: string, newPrefix: string): string {
  if (!path.startsWith(oldPrefix)) throw new Error(`${path} is not under ${oldPrefix}`);
  return newPrefix + path.slice(oldPrefix.length);
}

export const TREE_MESSAGES: Readonly<Record<TreeProblem, string>> = {
  'wrong-parent-level':
    'a unit sits directly under the level above it (city → district → township → village → branch)',
  'move-into-own-subtree': 'a unit cannot move under itself or its own descendants',
  'same-parent': 'the unit is already under that parent',
};
