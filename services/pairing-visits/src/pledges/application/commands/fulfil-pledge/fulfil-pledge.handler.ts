import { pledgeFulfilledV1 } from '@lianxin/contracts';
import { BusinessRuleError, ConflictError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { actingMemberId } from '../../../../shared/application/acting-member';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { publishEvent } from '../../../../shared/application/publish-event';
import { shanghaiDate } from '../../../../shared/domain/business-date';
import { PledgeOrmEntity } from '../../../infrastructure/pledge.orm-entity';
import { pledgeInScopeOr404 } from '../../../infrastructure/pledge.repository';
import { toPledgeView } from '../../pledge-view';
import { type FulfilPledgeInput, type PledgeView } from '../../pledges.schemas';

@Injectable()
export class FulfilPledgeHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, id: string, input: FulfilPledgeInput): Promise<PledgeView> {
    const today = shanghaiDate(context.now);
    const fulfilledOn = input.fulfilledOn ?? today;
    if (fulfilledOn > today)
      throw new BusinessRuleError('a pledge cannot be fulfilled in the future', { rule: 'fulfilledOn' });
    return this.db.run(context.actor.scope, async (tx) => {
      const pledge = await pledgeInScopeOr404(tx.manager, id, context.actor.scope);
      actingMemberId(context, pledge.memberId);
      if (pledge.status !== 'published') {
        throw new ConflictError(`a ${pledge.status} pledge cannot be fulfilled`, {
          allowed: pledge.status === 'draft' ? ['publish'] : ['evaluate'],
        });
      }
      pledge.status = 'fulfilled';
      pledge.fulfilledOn = fulfilledOn;
      pledge.evidence = [...input.evidence];
      pledge.progressPercent = 100;
      pledge.updatedAt = context.now;
      await tx.manager.getRepository(PledgeOrmEntity).save(pledge);
      publishEvent(
        tx,
        context,
        pledgeFulfilledV1,
        { aggregateId: pledge.id, districtId: pledge.districtId, orgUnitPath: pledge.orgPath },
        {
          pledgeId: pledge.id,
          memberId: pledge.memberId,
          fulfilledOn,
          onTime: fulfilledOn <= pledge.deadline,
        },
      );
      return toPledgeView(pledge);
    });
  }
}
