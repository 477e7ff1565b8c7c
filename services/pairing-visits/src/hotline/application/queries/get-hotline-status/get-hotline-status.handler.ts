import { NotFoundError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { asStatus } from '../../../../tickets/application/ticket-view';
import { type HotlineStatusView } from '../../../../tickets/application/tickets.schemas';
import { TicketOrmEntity } from '../../../../tickets/infrastructure/ticket.orm-entity';

/** What the hotline polls to sync a work order back (status, result, the resident's satisfaction). */
@Injectable()
export class GetHotlineStatusHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, hotlineTicketNo: string): Promise<HotlineStatusView> {
    return this.db.run(context.actor.scope, async (tx) => {
      const row = await tx.manager.getRepository(TicketOrmEntity).findOne({ where: { hotlineTicketNo } });
      if (!row) throw NotFoundError.of('hotline ticket', hotlineTicketNo);
      return {
        hotlineTicketNo,
        ticketId: row.id,
        status: asStatus(row.status),
        resolvedAt: row.resolvedAt?.toISOString() ?? null,
        resolutionCode: row.resolutionCode,
        feedbackAt: row.feedbackAt?.toISOString() ?? null,
        satisfaction: row.satisfaction,
        closedAt: row.closedAt?.toISOString() ?? null,
        updatedAt: row.updatedAt.toISOString(),
      };
    });
  }
}
