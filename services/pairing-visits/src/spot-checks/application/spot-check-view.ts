import { CALL_BACK_RESULTS, type CallBackResult } from '../domain/sampling';
import { type SpotCheckItemOrmEntity } from '../infrastructure/spot-check-item.orm-entity';
import { type SpotCheckOrmEntity } from '../infrastructure/spot-check.orm-entity';
import { type SpotCheckView } from './spot-checks.schemas';

function asResult(value: string | null): CallBackResult | null {
  return value !== null && (CALL_BACK_RESULTS as readonly string[]).includes(value)
    ? (value as CallBackResult)
    : null;
}

export function toSpotCheckView(
  row: SpotCheckOrmEntity,
  items: readonly SpotCheckItemOrmEntity[],
): SpotCheckView {
  return {
    id: row.id,
    unitId: row.unitId,
    orgPath: row.orgPath,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    share: Number(row.share),
    seed: row.seed,
    populationSize: row.populationSize,
    populationDigest: row.populationDigest,
    sampleSize: row.sampleSize,
    drawnBy: row.drawnBy,
    drawnAt: row.drawnAt.toISOString(),
    items: [...items]
      .sort((a, b) => (a.visitId < b.visitId ? -1 : 1))
      .map((item) => ({
        visitId: item.visitId,
        householdId: item.householdId,
        result: asResult(item.result),
        note: item.note,
        calledAt: item.calledAt?.toISOString() ?? null,
      })),
  };
}
