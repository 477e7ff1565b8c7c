import { Injectable } from '@nestjs/common';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { PairingOrmEntity } from '../../../infrastructure/pairing.orm-entity';
import { toPairingView } from '../../pairing-view';
import { type ListPairingsInput, type pairingListResponse } from '../../pairings.schemas';
import { type z } from 'zod';

@Injectable()
export class ListPairingsHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(
    context: CommandContext,
    input: ListPairingsInput,
  ): Promise<z.infer<typeof pairingListResponse>> {
    return this.db.run(context.actor.scope, async (tx) => {
      const query = tx.manager
        .getRepository(PairingOrmEntity)
        .createQueryBuilder('p')
        .orderBy('p.id', 'ASC')
        .take(input.limit)
        .skip(input.offset);
      if (input.cadreId) query.andWhere('p.cadre_id = :cadreId', { cadreId: input.cadreId });
      if (input.householdId)
        query.andWhere('p.household_id = :householdId', { householdId: input.householdId });
      if (input.status) query.andWhere('p.status = :status', { status: input.status });
      const [rows, total] = await query.getManyAndCount();
      return { items: rows.map(toPairingView), total };
    });
  }
}
