import { type TransactionContext } from '@lianxin/platform-persistence';
import { districtPathOf } from '../../shared/application/command-context';

export type TallyDelta = Partial<
  Record<'visits' | 'practicalMatters' | 'ticketsSolved' | 'grassrootsDays', number>
>;

export interface TallyTarget {
  readonly memberId: string;
  readonly year: number;
  /** Any path inside the member's district (the change's own place will do). */
  readonly placePath: string;
  /** The member's district and path when the caller has them; looked up otherwise. */
  readonly member?: { readonly districtId: string; readonly orgPath: string };
}

/** Whether the tally row may lie outside the transaction's scope (bumpTally then widens it to the district). */
export function tallyNeedsElevation(tx: TransactionContext, target: Pick<TallyTarget, 'placePath'>): boolean {
  return !(districtPathOf(target.placePath) ?? tx.scope).startsWith(tx.scope);
}

/**
 * Adds to a cadre's yearly counters in the caller's transaction, so the read model moves with the
 * change that caused it. The tally row lives on the cadre's path, which may lie outside the
 * caller's own scope (a township admin resolving a ticket owned by a county leader), so this one
 * statement runs under the district's scope and the caller's scope is restored right after.
 */
export async function bumpTally(
  tx: TransactionContext,
  target: TallyTarget,
  delta: TallyDelta,
  now: Date,
): Promise<void> {
  const district = districtPathOf(target.placePath) ?? tx.scope;
  const elevate = tallyNeedsElevation(tx, target);
  if (elevate) await tx.manager.query("SELECT set_config('lianxin.scope', $1, true)", [district]);
  try {
    let member = target.member;
    if (!member) {
      const rows = (await tx.manager.query('SELECT district_id, org_path FROM members WHERE id = $1', [
        target.memberId,
      ])) as {
        district_id: string;
        org_path: string;
      }[];
      const row = rows[0];
      if (!row) return;
      member = { districtId: row.district_id, orgPath: row.org_path };
    }
    await tx.manager.query(
      `INSERT INTO quota_tallies (cadre_id, year, district_id, org_path, visits, practical_matters, tickets_solved, grassroots_days, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (cadre_id, year) DO UPDATE SET
         visits = quota_tallies.visits + EXCLUDED.visits,
         practical_matters = quota_tallies.practical_matters + EXCLUDED.practical_matters,
         tickets_solved = quota_tallies.tickets_solved + EXCLUDED.tickets_solved,
         grassroots_days = quota_tallies.grassroots_days + EXCLUDED.grassroots_days,
         updated_at = EXCLUDED.updated_at`,
      [
        target.memberId,
        target.year,
        member.districtId,
        member.orgPath,
        delta.visits ?? 0,
        delta.practicalMatters ?? 0,
        delta.ticketsSolved ?? 0,
        delta.grassrootsDays ?? 0,
        now,
      ],
    );
  } finally {
    if (elevate) await tx.manager.query("SELECT set_config('lianxin.scope', $1, true)", [tx.scope]);
  }
}
