import { z } from 'zod';
import {
  ORG_KIND_LABELS,
  ORG_LEVEL_LABELS,
  ORG_UNIT_KINDS,
  type OrgUnitKind,
} from '../../shared/domain/labels';
import type { UnitRow } from '../../shared/application/scope';
import { LEVELS } from '../domain/org-tree';

export const orgUnitViewSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  level: z.enum(LEVELS),
  levelLabel: z.string(),
  kind: z.enum(ORG_UNIT_KINDS),
  kindLabel: z.string(),
  rural: z.boolean(),
  districtId: z.uuid().nullable(),
  path: z.string(),
  depth: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type OrgUnitView = z.infer<typeof orgUnitViewSchema>;

export function toOrgUnitView(row: UnitRow): OrgUnitView {
  const kind = row.kind as OrgUnitKind;
  return {
    id: row.id,
    parentId: row.parent_id,
    code: row.code,
    name: row.name,
    level: row.level,
    levelLabel: ORG_LEVEL_LABELS[row.level],
    kind,
    kindLabel: ORG_KIND_LABELS[kind],
    rural: row.rural,
    districtId: row.district_id,
    path: row.org_path,
    depth: row.depth,
    active: row.active,
    version: row.version,
  };
}
