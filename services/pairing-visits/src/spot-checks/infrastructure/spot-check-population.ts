import { createHash } from 'node:crypto';
import { type EntityManager } from 'typeorm';

/**
 * The visits a spot check draws from: diary entries under the unit, dated in the period, written
 * before the draw. The cut-off makes a later audit see the same population (entries written
 * afterwards, even backdated, cannot change who was drawn).
 */
export async function spotCheckPopulation(
  manager: EntityManager,
  options: { orgPath: string; from: string; to: string; recordedBefore: Date },
): Promise<string[]> {
  const rows = (await manager.query(
    `SELECT id FROM visits WHERE org_path LIKE $1 || '%' AND visit_date BETWEEN $2 AND $3 AND recorded_at <= $4 ORDER BY id`,
    [options.orgPath, options.from, options.to, options.recordedBefore],
  )) as { id: string }[];
  return rows.map((row) => row.id);
}

export function populationDigest(ids: readonly string[]): string {
  return createHash('sha256')
    .update([...ids].sort().join('\n'))
    .digest('hex');
}
