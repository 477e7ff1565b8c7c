import { NotFoundError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { householdInReachOr404 } from '../../../../shared/infrastructure/reach';
import { OrgUnitOrmEntity } from '../../../../projections/infrastructure/org-unit.orm-entity';
import { actingMemberId } from '../../../../shared/application/acting-member';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { openTicket } from '../../open-ticket';
import { toTicketView } from '../../ticket-view';
import { type ReceiveTicketInput, type TicketView } from '../../tickets.schemas';

/** A walk-in or online request. For walk-ins the member asked first owns it from the start (首问负责). */
@Injectable()
export class ReceiveTicketHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, input: ReceiveTicketInput): Promise<TicketView> {
    const firstAsked =
      input.source === 'walk_in'
        ? actingMemberId(context, input.firstAskedMemberId, 'firstAskedMemberId')
        : (input.firstAskedMemberId ?? null);
    return this.db.run(context.actor.scope, async (tx) => {
      let place: { districtId: string; orgPath: string };
      if (input.householdId) {
        place = await householdInReachOr404(tx.manager, input.householdId, context.actor.scope);
      } else {
        const unit = await tx.manager
          .getRepository(OrgUnitOrmEntity)
          .findOne({ where: { id: input.unitId ?? '' } });
        if (!unit || unit.districtId === null || !unit.orgPath.startsWith(context.actor.scope)) {
          throw NotFoundError.of('org unit', input.unitId ?? '');
        }
        place = { districtId: unit.districtId, orgPath: unit.orgPath };
      }
      const ticket = await openTicket(tx, context, {
        districtId: place.districtId,
        orgPath: place.orgPath,
        source: input.source,
        category: input.category,
        summary: input.summary,
        householdId: input.householdId ?? null,
        visitId: null,
        firstAskedMemberId: firstAsked,
        hotlineTicketNo: null,
        receivedAt: context.now,
      });
      return toTicketView(ticket, context.now);
    });
  }
}
