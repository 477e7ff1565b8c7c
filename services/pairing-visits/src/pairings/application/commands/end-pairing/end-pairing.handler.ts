import { pairingEndedV1, pairingRepairingTaskOpenedV1 } from '@lianxin/contracts';
import { ConflictError, NotFoundError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { HouseholdOrmEntity } from '../../../../projections/infrastructure/household.orm-entity';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { publishEvent } from '../../../../shared/application/publish-event';
import { addDays, shanghaiDate } from '../../../../shared/domain/business-date';
import { mustBeCovered } from '../../../domain/coverage';
import { PairingOrmEntity } from '../../../infrastructure/pairing.orm-entity';
import { RepairingTaskOrmEntity } from '../../../infrastructure/repairing-task.orm-entity';
import { REPAIRING_DUE_DAYS } from '../release-cadre-pairings/release-cadre-pairings';
import { toPairingView } from '../../pairing-view';
import { type EndPairingInput, type PairingView } from '../../pairings.schemas';
import { withinReach } from '../../../../shared/infrastructure/reach';

/** Ends a pairing; when the household still needs cover, a re-pairing task keeps the gap visible. */
@Injectable()
export class EndPairingHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, id: string, input: EndPairingInput): Promise<PairingView> {
    return this.db.run(context.actor.scope, async (tx) => {
      const pairings = tx.manager.getRepository(PairingOrmEntity);
      const pairing = await pairings.findOne({ where: { id } });
      if (!pairing || !(await withinReach(tx.manager, context.actor.scope, pairing.orgPath)))
        throw NotFoundError.of('pairing', id);
      if (pairing.status !== 'active')
        throw new ConflictError('the pairing has already ended', { allowed: [] });
      const today = shanghaiDate(context.now);
      pairing.status = 'ended';
      pairing.endedOn = today;
      pairing.endReason = input.reasonCode;
      pairing.updatedAt = context.now;
      await pairings.save(pairing);
      const target = { districtId: pairing.districtId, orgUnitPath: pairing.orgPath };
      publishEvent(
        tx,
        context,
        pairingEndedV1,
        { ...target, aggregateId: pairing.id },
        {
          pairingId: pairing.id,
          memberId: pairing.cadreId,
          householdId: pairing.householdId,
          endedOn: today,
          reasonCode: input.reasonCode,
        },
      );
      const household = await tx.manager
        .getRepository(HouseholdOrmEntity)
        .findOne({ where: { id: pairing.householdId } });
      const stillNeedsCover =
        household !== null &&
        household.active &&
        input.reasonCode !== 'hardship_resolved' &&
        mustBeCovered({ ...household, hasMigrantMember: household.isMigrantMemberHousehold });
      if (stillNeedsCover) {
        const taskId = uuidv7();
        const dueOn = addDays(today, REPAIRING_DUE_DAYS);
        await tx.manager.getRepository(RepairingTaskOrmEntity).insert({
          id: taskId,
          districtId: pairing.districtId,
          orgPath: pairing.orgPath,
          householdId: pairing.householdId,
          previousPairingId: pairing.id,
          previousCadreId: pairing.cadreId,
          reason: input.reasonCode,
          status: 'open',
          dueOn,
          resolvedPairingId: null,
          createdAt: context.now,
          resolvedAt: null,
        });
        publishEvent(
          tx,
          context,
          pairingRepairingTaskOpenedV1,
          { ...target, aggregateId: taskId },
          {
            taskId,
            householdId: pairing.householdId,
            previousPairingId: pairing.id,
            reasonCode: 'pairing_ended',
            dueOn,
          },
        );
      }
      return toPairingView(pairing);
    });
  }
}
