import { Injectable } from '@nestjs/common';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { RepairingTaskOrmEntity } from '../../../infrastructure/repairing-task.orm-entity';
import { type RepairingTaskListView, type RepairingTasksInput } from '../../pairings.schemas';

@Injectable()
export class ListRepairingTasksHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, input: RepairingTasksInput): Promise<RepairingTaskListView> {
    return this.db.run(context.actor.scope, async (tx) => {
      const [rows, total] = await tx.manager.getRepository(RepairingTaskOrmEntity).findAndCount({
        where: { status: input.status },
        order: { dueOn: 'ASC', id: 'ASC' },
        take: input.limit,
        skip: input.offset,
      });
      return {
        items: rows.map((row) => ({
          id: row.id,
          householdId: row.householdId,
          orgPath: row.orgPath,
          previousPairingId: row.previousPairingId,
          previousCadreId: row.previousCadreId,
          reason: row.reason,
          status: row.status,
          dueOn: row.dueOn,
          resolvedPairingId: row.resolvedPairingId,
        })),
        total,
      };
    });
  }
}
