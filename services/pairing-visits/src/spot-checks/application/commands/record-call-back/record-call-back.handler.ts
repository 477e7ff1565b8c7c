import { spotCheckCallBackRecordedV1, visitConfirmationChangedV1 } from '@lianxin/contracts';
import { NotFoundError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { publishEvent } from '../../../../shared/application/publish-event';
import { shanghaiDate } from '../../../../shared/domain/business-date';
import { asConfirmation } from '../../../../visits/application/visit-view';
import { VisitOrmEntity } from '../../../../visits/infrastructure/visit.orm-entity';
import { bumpTally } from '../../../../quota-progress/infrastructure/quota-tally.writer';
import { countsTowardQuota } from '../../../../visits/domain/visit-rules';
import { type CallBackResult } from '../../../domain/sampling';
import { SpotCheckItemOrmEntity } from '../../../infrastructure/spot-check-item.orm-entity';
import { SpotCheckOrmEntity } from '../../../infrastructure/spot-check.orm-entity';
import { toSpotCheckView } from '../../spot-check-view';
import { type CallBackInput, type SpotCheckView } from '../../spot-checks.schemas';

const CONTRACT_RESULT: Record<CallBackResult, 'visit_confirmed' | 'visit_denied' | 'unreachable'> = {
  confirmed: 'visit_confirmed',
  not_confirmed: 'visit_denied',
  unreachable: 'unreachable',
};

/**
 * 电话回访: records what the household said. A visit the household does not confirm stops
 * counting toward the cadre's quota at once and is flagged; an unreachable household is flagged
 * for another try but the visit still counts (no one is penalised for a phone nobody answered).
 */
@Injectable()
export class RecordCallBackHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, spotCheckId: string, input: CallBackInput): Promise<SpotCheckView> {
    return this.db.run(context.actor.scope, async (tx) => {
      const check = await tx.manager
        .getRepository(SpotCheckOrmEntity)
        .findOne({ where: { id: spotCheckId } });
      if (!check || !check.orgPath.startsWith(context.actor.scope))
        throw NotFoundError.of('spot check', spotCheckId);
      const itemRepository = tx.manager.getRepository(SpotCheckItemOrmEntity);
      const item = await itemRepository.findOne({ where: { spotCheckId, visitId: input.visitId } });
      if (!item) throw new NotFoundError(`visit ${input.visitId} was not drawn in spot check ${spotCheckId}`);
      const visits = tx.manager.getRepository(VisitOrmEntity);
      const visit = await visits
        .createQueryBuilder('v')
        .setLock('pessimistic_write')
        .where('v.id = :id', { id: input.visitId })
        .getOne();
      if (!visit) throw NotFoundError.of('visit', input.visitId);

      const callBackId = uuidv7();
      item.callBackId = callBackId;
      item.result = input.result;
      item.note = input.note ?? null;
      item.calledBy = context.actor.id;
      item.calledAt = context.now;
      await itemRepository.save(item);

      const previous = asConfirmation(visit.confirmation);
      visit.confirmation = input.result;
      visit.flagged = input.result !== 'confirmed';
      visit.updatedAt = context.now;
      await visits.save(visit);
      const delta = Number(countsTowardQuota(input.result)) - Number(countsTowardQuota(previous));
      if (delta !== 0) {
        await bumpTally(
          tx,
          {
            memberId: visit.cadreId,
            year: visit.visitYear,
            placePath: visit.orgPath,
            member: { districtId: visit.districtId, orgPath: visit.cadreOrgPath },
          },
          { visits: delta },
          context.now,
        );
      }

      publishEvent(
        tx,
        context,
        spotCheckCallBackRecordedV1,
        { aggregateId: check.id, districtId: check.districtId, orgUnitPath: check.orgPath },
        {
          spotCheckId: check.id,
          callBackId,
          visitId: visit.id,
          householdId: visit.householdId,
          result: CONTRACT_RESULT[input.result],
          calledOn: shanghaiDate(context.now),
        },
      );
      if (previous !== input.result) {
        publishEvent(
          tx,
          context,
          visitConfirmationChangedV1,
          { aggregateId: visit.id, districtId: visit.districtId, orgUnitPath: visit.orgPath },
          {
            visitId: visit.id,
            previousConfirmation: previous === 'unchecked' ? null : previous,
            confirmation: input.result,
            spotCheckId: check.id,
            callBackId,
          },
        );
      }
      const items = await itemRepository.find({ where: { spotCheckId } });
      return toSpotCheckView(check, items);
    });
  }
}
