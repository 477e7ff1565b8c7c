import { Injectable } from '@nestjs/common';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { TicketOrmEntity } from '../../../infrastructure/ticket.orm-entity';
import { toTicketView } from '../../ticket-view';
import { type OverdueInput, type TicketListView } from '../../tickets.schemas';

/** Open tickets past their resolve clock, or still unaccepted past their accept clock; most overdue first. */
@Injectable()
export class ListOverdueTicketsHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, input: OverdueInput): Promise<TicketListView> {
    return this.db.run(context.actor.scope, async (tx) => {
      const [rows, total] = await tx.manager
        .getRepository(TicketOrmEntity)
        .createQueryBuilder('t')
        .where(`t.status IN ('received', 'accepted', 'in_progress', 'escalated')`)
        .andWhere(`(t.resolve_due_at < :now OR (t.status = 'received' AND t.accept_due_at < :now))`, {
          now: context.now,
        })
        .orderBy('t.resolve_due_at', 'ASC')
        .addOrderBy('t.id', 'ASC')
        .take(input.limit)
        .skip(input.offset)
        .getManyAndCount();
      return { items: rows.map((row) => toTicketView(row, context.now)), total };
    });
  }
}
