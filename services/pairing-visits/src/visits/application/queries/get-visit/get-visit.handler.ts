import { NotFoundError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { VisitCorrectionOrmEntity } from '../../../infrastructure/visit-correction.orm-entity';
import { VisitOrmEntity } from '../../../infrastructure/visit.orm-entity';
import { toVisitView } from '../../visit-view';
import { type VisitView } from '../../visits.schemas';
import { withinReach } from '../../../../shared/infrastructure/reach';

@Injectable()
export class GetVisitHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, id: string): Promise<VisitView> {
    return this.db.run(context.actor.scope, async (tx) => {
      const visit = await tx.manager.getRepository(VisitOrmEntity).findOne({ where: { id } });
      if (!visit || !(await withinReach(tx.manager, context.actor.scope, visit.orgPath)))
        throw NotFoundError.of('visit', id);
      const corrections = await tx.manager
        .getRepository(VisitCorrectionOrmEntity)
        .find({ where: { visitId: id }, order: { correctedAt: 'ASC', id: 'ASC' } });
      return {
        ...toVisitView(visit),
        corrections: corrections.map((row) => ({
          id: row.id,
          previous: row.previous,
          next: row.next,
          reasonCode: row.reasonCode,
          note: row.note,
          correctedBy: row.correctedBy,
          correctedAt: row.correctedAt.toISOString(),
        })),
      };
    });
  }
}
