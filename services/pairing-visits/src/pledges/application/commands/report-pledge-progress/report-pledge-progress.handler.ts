import { pledgeProgressUpdatedV1 } from '@lianxin/contracts';
import { ConflictError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { actingMemberId } from '../../../../shared/application/acting-member';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { publishEvent } from '../../../../shared/application/publish-event';
import { shanghaiDate } from '../../../../shared/domain/business-date';
import { PledgeOrmEntity } from '../../../infrastructure/pledge.orm-entity';
import { pledgeInScopeOr404 } from '../../../infrastructure/pledge.repository';
import { toPledgeView } from '../../pledge-view';
import { type PledgeProgressInput, type PledgeView } from '../../pledges.schemas';

/** 干部践诺: progress notes on a published pledge (100 % is reached only by fulfilling it with evidence). */
@Injectable()
export class ReportPledgeProgressHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, id: string, input: PledgeProgressInput): Promise<PledgeView> {
    return this.db.run(context.actor.scope, async (tx) => {
      const pledge = await pledgeInScopeOr404(tx.manager, id, context.actor.scope);
      actingMemberId(context, pledge.memberId);
      if (pledge.status !== 'published') {
        throw new ConflictError(`a ${pledge.status} pledge takes no progress reports`, {
          allowed: pledge.status === 'draft' ? ['publish'] : ['evaluate'],
        });
      }
      const reportedOn = shanghaiDate(context.now);
      pledge.progressPercent = input.percent;
      pledge.progressNotes = [
        ...pledge.progressNotes,
        { percent: input.percent, note: input.note, reportedOn },
      ];
      pledge.updatedAt = context.now;
      await tx.manager.getRepository(PledgeOrmEntity).save(pledge);
      publishEvent(
        tx,
        context,
        pledgeProgressUpdatedV1,
        { aggregateId: pledge.id, districtId: pledge.districtId, orgUnitPath: pledge.orgPath },
        {
          pledgeId: pledge.id,
          memberId: pledge.memberId,
          progressPercent: input.percent,
          reportedOn,
        },
      );
      return toPledgeView(pledge);
    });
  }
}
