import { Injectable } from '@nestjs/common';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { TicketOrmEntity } from '../../../infrastructure/ticket.orm-entity';
import { toTicketView } from '../../ticket-view';
import { type ListTicketsInput, type TicketListView } from '../../tickets.schemas';

@Injectable()
export class ListTicketsHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, input: ListTicketsInput): Promise<TicketListView> {
    return this.db.run(context.actor.scope, async (tx) => {
      const query = tx.manager
        .getRepository(TicketOrmEntity)
        .createQueryBuilder('t')
        .orderBy('t.received_at', 'DESC')
        .addOrderBy('t.id', 'DESC');
      if (input.status) query.andWhere('t.status = :status', { status: input.status });
      if (input.source) query.andWhere('t.source = :source', { source: input.source });
      if (input.ownerMemberId) query.andWhere('t.owner_member_id = :owner', { owner: input.ownerMemberId });
      const [rows, total] = await query.take(input.limit).skip(input.offset).getManyAndCount();
      return { items: rows.map((row) => toTicketView(row, context.now)), total };
    });
  }
}
