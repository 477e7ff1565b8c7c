import { grassrootsDayRecordedV1 } from '@lianxin/contracts';
import { BusinessRuleError, ConflictError, NotFoundError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { activeMemberOr404 } from '../../../../projections/infrastructure/member.repository';
import { OrgUnitOrmEntity } from '../../../../projections/infrastructure/org-unit.orm-entity';
import { actingMemberId } from '../../../../shared/application/acting-member';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { publishEvent } from '../../../../shared/application/publish-event';
import { shanghaiDate, yearOf } from '../../../../shared/domain/business-date';
import { isUniqueViolation } from '../../../../shared/infrastructure/pg-errors';
import { bumpTally } from '../../../../quota-progress/infrastructure/quota-tally.writer';
import { GrassrootsDayOrmEntity } from '../../../infrastructure/grassroots-day.orm-entity';
import { type GrassrootsDayView, type RecordGrassrootsDayInput } from '../../grassroots-days.schemas';

/** One record per cadre per date: a day at the grassroots is counted once, however much was done. */
@Injectable()
export class RecordGrassrootsDayHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, input: RecordGrassrootsDayInput): Promise<GrassrootsDayView> {
    const cadreId = actingMemberId(context, input.cadreId, 'cadreId');
    if (input.servedOn > shanghaiDate(context.now)) {
      throw new BusinessRuleError('a grassroots day cannot be recorded ahead of time', { rule: 'servedOn' });
    }
    try {
      return await this.db.run(context.actor.scope, async (tx) => {
        const cadre = await activeMemberOr404(tx.manager, cadreId);
        if (!cadre.orgPath.startsWith(context.actor.scope)) throw NotFoundError.of('member', cadreId);
        let unitId = input.placeUnitId ?? null;
        if (unitId !== null) {
          const unit = await tx.manager.getRepository(OrgUnitOrmEntity).findOne({ where: { id: unitId } });
          if (!unit || unit.districtId !== cadre.districtId) throw NotFoundError.of('org unit', unitId);
          unitId = unit.id;
        }
        const row = tx.manager.getRepository(GrassrootsDayOrmEntity).create({
          id: uuidv7(),
          districtId: cadre.districtId,
          orgPath: cadre.orgPath,
          cadreId: cadre.id,
          servedOn: input.servedOn,
          servedYear: yearOf(input.servedOn),
          placeUnitId: unitId,
          place: input.place,
          activity: input.activity,
          activityCode: input.activityCode ?? null,
          stayedOvernight: input.stayedOvernight,
          recordedBy: context.actor.id,
          recordedAt: context.now,
        });
        await tx.manager.getRepository(GrassrootsDayOrmEntity).insert(row);
        await bumpTally(
          tx,
          {
            memberId: cadre.id,
            year: row.servedYear,
            placePath: row.orgPath,
            member: { districtId: cadre.districtId, orgPath: cadre.orgPath },
          },
          { grassrootsDays: 1 },
          context.now,
        );
        publishEvent(
          tx,
          context,
          grassrootsDayRecordedV1,
          { aggregateId: row.id, districtId: row.districtId, orgUnitPath: row.orgPath },
          {
            grassrootsDayId: row.id,
            memberId: cadre.id,
            unitId: unitId ?? cadre.branchUnitId,
            servedOn: row.servedOn,
            stayedOvernight: row.stayedOvernight,
            activityCode: row.activityCode,
          },
        );
        return {
          id: row.id,
          cadreId: row.cadreId,
          servedOn: row.servedOn,
          placeUnitId: row.placeUnitId,
          place: row.place,
          activity: row.activity,
          activityCode: row.activityCode,
          stayedOvernight: row.stayedOvernight,
        };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'grassroots_days_one_per_day_uq')) {
        throw new ConflictError(`a grassroots day is already recorded for ${input.servedOn}`, {
          allowed: [],
        });
      }
      throw error;
    }
  }
}
