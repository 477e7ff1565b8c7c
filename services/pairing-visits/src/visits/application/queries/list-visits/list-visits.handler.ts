import { Injectable } from '@nestjs/common';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { VisitOrmEntity } from '../../../infrastructure/visit.orm-entity';
import { toVisitView } from '../../visit-view';
import { type ListVisitsInput, type VisitListView } from '../../visits.schemas';

@Injectable()
export class ListVisitsHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, input: ListVisitsInput): Promise<VisitListView> {
    return this.db.run(context.actor.scope, async (tx) => {
      const query = tx.manager
        .getRepository(VisitOrmEntity)
        .createQueryBuilder('v')
        .orderBy('v.visit_date', 'DESC')
        .addOrderBy('v.id', 'DESC')
        .take(input.limit)
        .skip(input.offset);
      if (input.cadreId) query.andWhere('v.cadre_id = :cadreId', { cadreId: input.cadreId });
      if (input.householdId)
        query.andWhere('v.household_id = :householdId', { householdId: input.householdId });
      if (input.from) query.andWhere('v.visit_date >= :from', { from: input.from });
      if (input.to) query.andWhere('v.visit_date <= :to', { to: input.to });
      if (input.flagged !== undefined) query.andWhere('v.flagged = :flagged', { flagged: input.flagged });
      const [rows, total] = await query.getManyAndCount();
      return { items: rows.map(toVisitView), total };
    });
  }
}
