import { NotFoundError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { TicketHistoryOrmEntity } from '../../../infrastructure/ticket-history.orm-entity';
import { TicketOrmEntity } from '../../../infrastructure/ticket.orm-entity';
import { toTicketView } from '../../ticket-view';
import { type TicketView } from '../../tickets.schemas';
import { withinReach } from '../../../../shared/infrastructure/reach';

@Injectable()
export class GetTicketHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, id: string): Promise<TicketView> {
    return this.db.run(context.actor.scope, async (tx) => {
      const ticket = await tx.manager.getRepository(TicketOrmEntity).findOne({ where: { id } });
      if (!ticket || !(await withinReach(tx.manager, context.actor.scope, ticket.orgPath)))
        throw NotFoundError.of('ticket', id);
      const history = await tx.manager
        .getRepository(TicketHistoryOrmEntity)
        .find({ where: { ticketId: id }, order: { at: 'ASC', id: 'ASC' } });
      return {
        ...toTicketView(ticket, context.now),
        history: history.map((row) => ({
          action: row.action,
          fromStatus: row.fromStatus,
          toStatus: row.toStatus,
          actorId: row.actorId,
          reason: row.reason,
          at: row.at.toISOString(),
        })),
      };
    });
  }
}
