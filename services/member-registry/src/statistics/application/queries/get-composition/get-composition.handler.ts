import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  REGISTRY_DATA_SOURCE,
  REGISTRY_SETTINGS,
  type RegistrySettings,
} from '../../../../shared/application/registry-tokens';
import { requireUnit } from '../../../../shared/application/scope';
import { businessDateSchema } from '../../../../shared/domain/field-schemas';
import { HIGH_SCHOOL_OR_ABOVE, MEMBER_CATEGORY_LABELS } from '../../../../shared/domain/labels';
import { bornAfterForAgeUnder, percent } from '../../../domain/share';

export const compositionQuery = z.strictObject({
  /** Root of the subtree; default the caller's whole scope. */
  unitId: z.uuid().optional(),
  /** Reference date for ages; default today (Asia/Shanghai). */
  asOf: businessDateSchema.optional(),
});
export type CompositionQuery = z.output<typeof compositionQuery>;

const countAndShare = z.object({ count: z.number().int(), percent: z.number() });
export const compositionSchema = z.object({
  unitId: z.uuid().nullable(),
  path: z.string(),
  asOf: z.string(),
  totalMembers: z.number().int(),
  branches: z.number().int(),
  female: countAndShare,
  ethnicMinority: countAndShare,
  under45: countAndShare,
  highSchoolOrAbove: countAndShare,
  rural: countAndShare,
  withPost: countAndShare,
  byCategory: z.array(
    z.object({ category: z.string(), label: z.string(), count: z.number().int(), percent: z.number() }),
  ),
  byBranch: z.array(
    z.object({ branchId: z.uuid(), name: z.string(), path: z.string(), count: z.number().int() }),
  ),
});
export type Composition = z.infer<typeof compositionSchema>;

interface Totals {
  total: number;
  female: number;
  minority: number;
  under45: number;
  high_school: number;
  rural: number;
  with_post: number;
}

@Injectable()
export class GetCompositionHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REGISTRY_SETTINGS) private readonly settings: RegistrySettings,
  ) {}

  /** Everything is counted in SQL over the subtree's rows (one pass each); members on the roll are active or mid-transfer. */
  execute(query: CompositionQuery, actor: Actor): Promise<Composition> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const unit = query.unitId ? await requireUnit(tx.manager, query.unitId) : undefined;
      const prefix = unit?.org_path ?? actor.scope;
      const asOf = query.asOf ?? this.settings.today();
      const bornAfter = bornAfterForAgeUnder(asOf, 45);
      const [totals] = await tx.manager.query<Totals[]>(
        `SELECT count(*)::int AS total,
                count(*) FILTER (WHERE gender = 'female')::int AS female,
                count(*) FILTER (WHERE ethnic_minority)::int AS minority,
                count(*) FILTER (WHERE birth_date > $2::date)::int AS under45,
                count(*) FILTER (WHERE education_level = ANY($3::text[]))::int AS high_school,
                count(*) FILTER (WHERE rural)::int AS rural,
                count(*) FILTER (WHERE has_post)::int AS with_post
           FROM members WHERE org_path LIKE $1 || '%' AND status <> 'inactive'`,
        [prefix, bornAfter, HIGH_SCHOOL_OR_ABOVE],
      );
      const categories = await tx.manager.query<
        { category: keyof typeof MEMBER_CATEGORY_LABELS; count: number }[]
      >(
        `SELECT category, count(*)::int AS count FROM members WHERE org_path LIKE $1 || '%' AND status <> 'inactive' GROUP BY category ORDER BY category`,
        [prefix],
      );
      const branches = await tx.manager.query<
        { branch_id: string; name: string; org_path: string; count: number }[]
      >(
        `SELECT u.id AS branch_id, u.name, u.org_path, count(m.id)::int AS count
           FROM org_units u LEFT JOIN members m ON m.branch_id = u.id AND m.status <> 'inactive'
          WHERE u.org_path LIKE $1 || '%' AND u.level = 'branch' AND u.active
          GROUP BY u.id, u.name, u.org_path ORDER BY u.org_path`,
        [prefix],
      );
      const share = (n: number): { count: number; percent: number } => ({
        count: n,
        percent: percent(n, totals.total),
      });
      return {
        unitId: unit?.id ?? null,
        path: prefix,
        asOf,
        totalMembers: totals.total,
        branches: branches.length,
        female: share(totals.female),
        ethnicMinority: share(totals.minority),
        under45: share(totals.under45),
        highSchoolOrAbove: share(totals.high_school),
        rural: share(totals.rural),
        withPost: share(totals.with_post),
        byCategory: categories.map((c) => ({
          category: c.category,
          label: MEMBER_CATEGORY_LABELS[c.category],
          count: c.count,
          percent: percent(c.count, totals.total),
        })),
        byBranch: branches.map((b) => ({
          branchId: b.branch_id,
          name: b.name,
          path: b.org_path,
          count: b.count,
        })),
      };
    });
  }
}
