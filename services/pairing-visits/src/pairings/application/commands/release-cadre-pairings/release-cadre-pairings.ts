import { pairingEndedV1, pairingRepairingTaskOpenedV1 } from '@lianxin/contracts';
import { type TransactionContext } from '@lianxin/platform-persistence';
import { v7 as uuidv7 } from 'uuid';
import { addDays, shanghaiDate } from '../../../../shared/domain/business-date';
import { publishEvent } from '../../../../shared/application/publish-event';
import { PairingOrmEntity } from '../../../infrastructure/pairing.orm-entity';
import { RepairingTaskOrmEntity } from '../../../infrastructure/repairing-task.orm-entity';

export type ReleaseReason = 'member_transferred' | 'member_deactivated';

/** Days a district has to re-pair a household after its cadre left. */
export const REPAIRING_DUE_DAYS = 30;

export interface ReleaseSource {
  readonly eventId: string;
  readonly correlationId: string;
  readonly occurredAt: Date;
}

/**
 * When a cadre is transferred or deactivated their households lose their pairing at once (they
 * show as uncovered) and a re-pairing task is opened for each, so coverage gaps are visible work
 * rather than something a district discovers at year end. Runs inside the consumer's transaction.
 */
export async function releaseCadrePairings(
  tx: TransactionContext,
  cadreId: string,
  reason: ReleaseReason,
  source: ReleaseSource,
): Promise<number> {
  const pairings = tx.manager.getRepository(PairingOrmEntity);
  const active = await pairings.find({ where: { cadreId, status: 'active' }, order: { id: 'ASC' } });
  const today = shanghaiDate(source.occurredAt);
  for (const pairing of active) {
    pairing.status = 'ended';
    pairing.endedOn = today;
    pairing.endReason = reason;
    pairing.updatedAt = source.occurredAt;
    await pairings.save(pairing);
    const task = tx.manager.getRepository(RepairingTaskOrmEntity).create({
      id: uuidv7(),
      districtId: pairing.districtId,
      orgPath: pairing.orgPath,
      householdId: pairing.householdId,
      previousPairingId: pairing.id,
      previousCadreId: cadreId,
      reason,
      status: 'open',
      dueOn: addDays(today, REPAIRING_DUE_DAYS),
      resolvedPairingId: null,
      createdAt: source.occurredAt,
      resolvedAt: null,
    });
    await tx.manager.getRepository(RepairingTaskOrmEntity).insert(task);
    const target = { districtId: pairing.districtId, orgUnitPath: pairing.orgPath };
    publishEvent(
      tx,
      null,
      pairingEndedV1,
      { ...target, aggregateId: pairing.id },
      {
        pairingId: pairing.id,
        memberId: cadreId,
        householdId: pairing.householdId,
        endedOn: today,
        reasonCode: reason,
      },
      source.eventId,
      source.correlationId,
    );
    publishEvent(
      tx,
      null,
      pairingRepairingTaskOpenedV1,
      { ...target, aggregateId: task.id },
      {
        taskId: task.id,
        householdId: pairing.householdId,
        previousPairingId: pairing.id,
        reasonCode: 'pairing_ended',
        dueOn: task.dueOn,
      },
      source.eventId,
      source.correlationId,
    );
  }
  return active.length;
}
