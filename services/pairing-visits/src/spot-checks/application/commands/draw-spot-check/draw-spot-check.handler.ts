import { spotCheckDrawnV1 } from '@lianxin/contracts';
import { NotFoundError } from '@lianxin/platform-http';
import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { OrgUnitOrmEntity } from '../../../../projections/infrastructure/org-unit.orm-entity';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { publishEvent } from '../../../../shared/application/publish-event';
import { VisitOrmEntity } from '../../../../visits/infrastructure/visit.orm-entity';
import { drawSample, newSeed } from '../../../domain/sampling';
import { SpotCheckItemOrmEntity } from '../../../infrastructure/spot-check-item.orm-entity';
import { populationDigest, spotCheckPopulation } from '../../../infrastructure/spot-check-population';
import { SpotCheckOrmEntity } from '../../../infrastructure/spot-check.orm-entity';
import { toSpotCheckView } from '../../spot-check-view';
import { type DrawSpotCheckInput, type SpotCheckView } from '../../spot-checks.schemas';

export const SPOT_CHECK_DEFAULT_SHARE = Symbol('SPOT_CHECK_DEFAULT_SHARE');

/**
 * 随机抽查: draws visits of a unit for phone call-backs. The seed, population size and a digest of
 * the population are recorded, so an auditor can redo the draw and get the same visits.
 */
@Injectable()
export class DrawSpotCheckHandler {
  constructor(
    private readonly db: PairingDatabase,
    @Inject(SPOT_CHECK_DEFAULT_SHARE) private readonly defaultShare: number,
  ) {}

  async execute(context: CommandContext, input: DrawSpotCheckInput): Promise<SpotCheckView> {
    return this.db.run(context.actor.scope, async (tx) => {
      const unit = await tx.manager.getRepository(OrgUnitOrmEntity).findOne({ where: { id: input.unitId } });
      if (!unit || unit.districtId === null || !unit.orgPath.startsWith(context.actor.scope))
        throw NotFoundError.of('org unit', input.unitId);
      // Rounded as stored, so an audit redraw uses exactly the share the draw used.
      const share = Number((input.share ?? this.defaultShare).toFixed(4));
      const seed = input.seed ?? newSeed();
      const population = await spotCheckPopulation(tx.manager, {
        orgPath: unit.orgPath,
        from: input.periodFrom,
        to: input.periodTo,
        recordedBefore: context.now,
      });
      const sample = drawSample(population, share, seed);
      const check = tx.manager.getRepository(SpotCheckOrmEntity).create({
        id: uuidv7(),
        districtId: unit.districtId,
        orgPath: unit.orgPath,
        unitId: unit.id,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        share: share.toFixed(4),
        seed,
        populationSize: population.length,
        populationDigest: populationDigest(population),
        sampleSize: sample.length,
        drawnBy: context.actor.id,
        drawnAt: context.now,
      });
      await tx.manager.getRepository(SpotCheckOrmEntity).insert(check);
      const visits =
        sample.length === 0
          ? []
          : await tx.manager.getRepository(VisitOrmEntity).find({ where: { id: In(sample) } });
      const items = visits.map((visit) =>
        tx.manager.getRepository(SpotCheckItemOrmEntity).create({
          spotCheckId: check.id,
          visitId: visit.id,
          districtId: visit.districtId,
          orgPath: visit.orgPath,
          householdId: visit.householdId,
          callBackId: null,
          result: null,
          note: null,
          calledBy: null,
          calledAt: null,
        }),
      );
      if (items.length > 0) await tx.manager.getRepository(SpotCheckItemOrmEntity).insert(items);
      publishEvent(
        tx,
        context,
        spotCheckDrawnV1,
        { aggregateId: check.id, districtId: check.districtId, orgUnitPath: check.orgPath },
        {
          spotCheckId: check.id,
          unitId: unit.id,
          seed,
          share: Number(check.share),
          periodFrom: input.periodFrom,
          periodTo: input.periodTo,
          populationSize: population.length,
          sampleSize: sample.length,
          visitIds: sample,
        },
      );
      return toSpotCheckView(check, items);
    });
  }
}
