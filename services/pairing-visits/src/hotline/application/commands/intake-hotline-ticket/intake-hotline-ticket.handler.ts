import { NotFoundError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { householdInScopeOr404 } from '../../../../projections/infrastructure/member.repository';
import { OrgUnitOrmEntity } from '../../../../projections/infrastructure/org-unit.orm-entity';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { isUniqueViolation } from '../../../../shared/infrastructure/pg-errors';
import { openTicket } from '../../../../tickets/application/open-ticket';
import { toTicketView } from '../../../../tickets/application/ticket-view';
import { type HotlineIntakeInput, type TicketView } from '../../../../tickets/application/tickets.schemas';
import { TicketOrmEntity } from '../../../../tickets/infrastructure/ticket.orm-entity';

export interface HotlineIntakeResult {
  readonly ticket: TicketView;
  /** False when the hotline resent a work order we already have (the same ticket is returned). */
  readonly created: boolean;
}

/**
 * Intake from the 96333 hotline (004). The hotline retries on timeouts, so its work-order number is
 * the idempotency key: a resend returns the ticket created the first time, never a second one.
 * The ticket waits at the unit without an owner until a member accepts it.
 */
@Injectable()
export class IntakeHotlineTicketHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, input: HotlineIntakeInput): Promise<HotlineIntakeResult> {
    const existing = await this.find(context, input.hotlineTicketNo);
    if (existing) return { ticket: existing, created: false };
    try {
      return await this.db.run(context.actor.scope, async (tx) => {
        const unit = await tx.manager
          .getRepository(OrgUnitOrmEntity)
          .findOne({ where: { id: input.unitId } });
        if (!unit || unit.districtId === null || !unit.orgPath.startsWith(context.actor.scope)) {
          throw NotFoundError.of('org unit', input.unitId);
        }
        const household = input.householdId
          ? await householdInScopeOr404(tx.manager, input.householdId, unit.orgPath)
          : null;
        const ticket = await openTicket(tx, context, {
          districtId: unit.districtId,
          orgPath: household?.orgPath ?? unit.orgPath,
          source: 'hotline',
          category: input.category,
          summary: input.summary,
          householdId: household?.id ?? null,
          visitId: null,
          firstAskedMemberId: null,
          hotlineTicketNo: input.hotlineTicketNo,
          receivedAt: input.receivedAt ? new Date(input.receivedAt) : context.now,
        });
        return { ticket: toTicketView(ticket, context.now), created: true };
      });
    } catch (error) {
      // Two resends racing: the loser finds the winner's ticket.
      if (isUniqueViolation(error, 'tickets_hotline_no_uq')) {
        const winner = await this.find(context, input.hotlineTicketNo);
        if (winner) return { ticket: winner, created: false };
      }
      throw error;
    }
  }

  private find(context: CommandContext, hotlineTicketNo: string): Promise<TicketView | null> {
    return this.db.run(context.actor.scope, async (tx) => {
      const row = await tx.manager.getRepository(TicketOrmEntity).findOne({ where: { hotlineTicketNo } });
      return row ? toTicketView(row, context.now) : null;
    });
  }
}
