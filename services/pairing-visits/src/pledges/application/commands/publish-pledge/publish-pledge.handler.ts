import { pledgePublishedV1 } from '@lianxin/contracts';
import { ConflictError, NotFoundError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { OrgUnitOrmEntity } from '../../../../projections/infrastructure/org-unit.orm-entity';
import { actingMemberId } from '../../../../shared/application/acting-member';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { publishEvent } from '../../../../shared/application/publish-event';
import { shanghaiDate } from '../../../../shared/domain/business-date';
import { PledgeOrmEntity } from '../../../infrastructure/pledge.orm-entity';
import { pledgeInScopeOr404 } from '../../../infrastructure/pledge.repository';
import { toPledgeView } from '../../pledge-view';
import { type PledgeView, type PublishPledgeInput } from '../../pledges.schemas';

/** 集中亮诺: the pledge goes on a unit's public board (the disclosure service shows it). */
@Injectable()
export class PublishPledgeHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, id: string, input: PublishPledgeInput): Promise<PledgeView> {
    return this.db.run(context.actor.scope, async (tx) => {
      const pledge = await pledgeInScopeOr404(tx.manager, id, context.actor.scope);
      actingMemberId(context, pledge.memberId);
      if (pledge.status !== 'draft')
        throw new ConflictError('the pledge is already published', {
          allowed: ['progress', 'fulfil', 'evaluate'],
        });
      const boardUnitId = input.boardUnitId ?? pledge.memberUnitId;
      if (input.boardUnitId) {
        const unit = await tx.manager
          .getRepository(OrgUnitOrmEntity)
          .findOne({ where: { id: input.boardUnitId } });
        if (!unit || unit.districtId !== pledge.districtId)
          throw NotFoundError.of('org unit', input.boardUnitId);
      }
      pledge.status = 'published';
      pledge.publishedOn = shanghaiDate(context.now);
      pledge.updatedAt = context.now;
      await tx.manager.getRepository(PledgeOrmEntity).save(pledge);
      publishEvent(
        tx,
        context,
        pledgePublishedV1,
        { aggregateId: pledge.id, districtId: pledge.districtId, orgUnitPath: pledge.orgPath },
        {
          pledgeId: pledge.id,
          memberId: pledge.memberId,
          boardUnitId,
          publishedOn: pledge.publishedOn,
        },
      );
      return toPledgeView(pledge);
    });
  }
}
