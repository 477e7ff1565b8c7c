import { NotFoundError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { drawSample } from '../../../domain/sampling';
import { SpotCheckItemOrmEntity } from '../../../infrastructure/spot-check-item.orm-entity';
import { populationDigest, spotCheckPopulation } from '../../../infrastructure/spot-check-population';
import { SpotCheckOrmEntity } from '../../../infrastructure/spot-check.orm-entity';
import { toSpotCheckView } from '../../spot-check-view';
import { type SpotCheckView, type VerifyView } from '../../spot-checks.schemas';

@Injectable()
export class GetSpotCheckHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, id: string): Promise<SpotCheckView> {
    return this.db.run(context.actor.scope, async (tx) => {
      const check = await tx.manager.getRepository(SpotCheckOrmEntity).findOne({ where: { id } });
      if (!check || !check.orgPath.startsWith(context.actor.scope)) throw NotFoundError.of('spot check', id);
      const items = await tx.manager
        .getRepository(SpotCheckItemOrmEntity)
        .find({ where: { spotCheckId: id } });
      return toSpotCheckView(check, items);
    });
  }

  /** Audit: rebuild the population as of the draw, redo the draw with the recorded seed, compare. */
  async verify(context: CommandContext, id: string): Promise<VerifyView> {
    return this.db.run(context.actor.scope, async (tx) => {
      const check = await tx.manager.getRepository(SpotCheckOrmEntity).findOne({ where: { id } });
      if (!check || !check.orgPath.startsWith(context.actor.scope)) throw NotFoundError.of('spot check', id);
      const items = await tx.manager
        .getRepository(SpotCheckItemOrmEntity)
        .find({ where: { spotCheckId: id } });
      const population = await spotCheckPopulation(tx.manager, {
        orgPath: check.orgPath,
        from: check.periodFrom,
        to: check.periodTo,
        recordedBefore: check.drawnAt,
      });
      const redrawn = drawSample(population, Number(check.share), check.seed);
      const drawn = items.map((item) => item.visitId).sort();
      return {
        spotCheckId: id,
        populationMatches: populationDigest(population) === check.populationDigest,
        reproduced:
          redrawn.length === drawn.length && redrawn.every((visitId, index) => visitId === drawn[index]),
        redrawnVisitIds: redrawn,
      };
    });
  }
}
