import { NotFoundError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { actingMemberId } from '../../../../shared/application/acting-member';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { VisitOrmEntity } from '../../../infrastructure/visit.orm-entity';
import { toVisitView } from '../../visit-view';
import { type CorrectVisitInput, type VisitView } from '../../visits.schemas';
import { changeVisit } from '../edit-visit/change-visit';
import { withinReach } from '../../../../shared/infrastructure/reach';

/** Appends a correction (with a reason) to a diary entry at any time; the original stays in the trail. */
@Injectable()
export class CorrectVisitHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, id: string, input: CorrectVisitInput): Promise<VisitView> {
    return this.db.run(context.actor.scope, async (tx) => {
      const visit = await tx.manager.getRepository(VisitOrmEntity).findOne({ where: { id } });
      if (!visit || !(await withinReach(tx.manager, context.actor.scope, visit.orgPath)))
        throw NotFoundError.of('visit', id);
      actingMemberId(context, visit.cadreId);
      await changeVisit(tx, context, visit, input.changes, input.reasonCode, input.note ?? null);
      return toVisitView(visit);
    });
  }
}
