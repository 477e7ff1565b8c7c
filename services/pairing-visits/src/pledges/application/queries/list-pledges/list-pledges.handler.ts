import { Injectable } from '@nestjs/common';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { PledgeOrmEntity } from '../../../infrastructure/pledge.orm-entity';
import { toPledgeView } from '../../pledge-view';
import { type ListPledgesInput, type PledgeListView } from '../../pledges.schemas';

@Injectable()
export class ListPledgesHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, input: ListPledgesInput): Promise<PledgeListView> {
    return this.db.run(context.actor.scope, async (tx) => {
      const [rows, total] = await tx.manager.getRepository(PledgeOrmEntity).findAndCount({
        where: {
          ...(input.memberId ? { memberId: input.memberId } : {}),
          ...(input.year ? { pledgeYear: input.year } : {}),
          ...(input.status ? { status: input.status } : {}),
        },
        order: { memberId: 'ASC', pledgeYear: 'DESC', ordinal: 'ASC' },
        take: input.limit,
        skip: input.offset,
      });
      return { items: rows.map((row) => toPledgeView(row)), total };
    });
  }
}
