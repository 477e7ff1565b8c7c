import { pairingCreatedV1 } from '@lianxin/contracts';
import { BusinessRuleError, ConflictError, NotFoundError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { HouseholdOrmEntity } from '../../../../projections/infrastructure/household.orm-entity';
import { MemberOrmEntity } from '../../../../projections/infrastructure/member.orm-entity';
import { isCadreRank } from '../../../../quota-rules/domain/cadre-rank';
import { ruleSetFor } from '../../../../quota-rules/infrastructure/quota-rule-set.repository';
import { districtScopeOf, type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { publishEvent } from '../../../../shared/application/publish-event';
import { shanghaiDate } from '../../../../shared/domain/business-date';
import { isUniqueViolation } from '../../../../shared/infrastructure/pg-errors';
import { PairingOrmEntity } from '../../../infrastructure/pairing.orm-entity';
import { RepairingTaskOrmEntity } from '../../../infrastructure/repairing-task.orm-entity';
import { toPairingView } from '../../pairing-view';
import { type CreatePairingInput, type PairingView } from '../../pairings.schemas';
import { withinReach } from '../../../../shared/infrastructure/reach';

/**
 * Pairs a cadre with a household. The household must be inside the actor's scope; the cadre may be
 * anywhere in the same district (a county leader pairs with a village household). The transaction
 * therefore runs in the district's scope — RLS still keeps other districts out — and the
 * household's place is checked against the actor's scope in code. The cadre row is locked so two
 * concurrent pairings cannot both take a cadre's last free place.
 */
@Injectable()
export class CreatePairingHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, input: CreatePairingInput): Promise<PairingView> {
    try {
      return await this.db.run(districtScopeOf(context.actor.scope), async (tx) => {
        const household = await tx.manager
          .getRepository(HouseholdOrmEntity)
          .findOne({ where: { id: input.householdId, active: true } });
        if (!household || !(await withinReach(tx.manager, context.actor.scope, household.orgPath)))
          throw NotFoundError.of('household', input.householdId);
        const cadre = await tx.manager
          .getRepository(MemberOrmEntity)
          .createQueryBuilder('m')
          .setLock('pessimistic_write')
          .where('m.id = :id', { id: input.cadreId })
          .getOne();
        if (!cadre || cadre.status !== 'active' || cadre.districtId !== household.districtId) {
          throw NotFoundError.of('member', input.cadreId);
        }
        const rank = isCadreRank(cadre.cadreRank) ? cadre.cadreRank : 'none';
        const startedOn = input.startedOn ?? shanghaiDate(context.now);
        const rules = await ruleSetFor(tx.manager, household.districtId, startedOn);
        const max = rules.rules[rank].maxHouseholds;
        const pairings = tx.manager.getRepository(PairingOrmEntity);
        const load = await pairings.count({ where: { cadreId: cadre.id, status: 'active' } });
        if (max !== null && load >= max) {
          throw new BusinessRuleError(`a ${rank} cadre pairs with at most ${max} households (has ${load})`, {
            rule: 'maxHouseholds',
          });
        }
        const existing = await pairings.findOne({ where: { householdId: household.id, status: 'active' } });
        if (existing)
          throw new ConflictError(`household ${household.id} is already paired`, {
            allowed: ['end-pairing'],
          });

        const task = await tx.manager
          .getRepository(RepairingTaskOrmEntity)
          .findOne({ where: { householdId: household.id, status: 'open' }, order: { createdAt: 'ASC' } });
        const row = pairings.create({
          id: uuidv7(),
          districtId: household.districtId,
          orgPath: household.orgPath,
          householdId: household.id,
          cadreId: cadre.id,
          cadreOrgPath: cadre.orgPath,
          cadreRank: rank,
          selection: input.selection,
          status: 'active',
          startedOn,
          endedOn: null,
          endReason: null,
          repairingTaskId: task?.id ?? null,
          createdBy: context.actor.id,
          createdAt: context.now,
          updatedAt: context.now,
        });
        await pairings.insert(row);
        if (task) {
          await tx.manager
            .getRepository(RepairingTaskOrmEntity)
            .update(
              { householdId: household.id, status: 'open' },
              { status: 'done', resolvedPairingId: row.id, resolvedAt: context.now },
            );
        }
        publishEvent(
          tx,
          context,
          pairingCreatedV1,
          { aggregateId: row.id, districtId: row.districtId, orgUnitPath: row.orgPath },
          {
            pairingId: row.id,
            memberId: cadre.id,
            householdId: household.id,
            cadreRank: rank,
            selection: input.selection,
            startedOn,
            repairingTaskId: task?.id ?? null,
          },
        );
        return toPairingView(row);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'pairings_one_active_per_household_uq')) {
        throw new ConflictError(`household ${input.householdId} is already paired`, {
          allowed: ['end-pairing'],
        });
      }
      throw error;
    }
  }
}
