import { ConflictError, NotFoundError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { actingMemberId } from '../../../../shared/application/acting-member';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { isEditable } from '../../../domain/visit-rules';
import { VisitOrmEntity } from '../../../infrastructure/visit.orm-entity';
import { toVisitView } from '../../visit-view';
import { type EditVisitInput, type VisitView } from '../../visits.schemas';
import { changeVisit } from './change-visit';
import { withinReach } from '../../../../shared/infrastructure/reach';

/** Edits a diary entry within 7 days of writing it; afterwards the answer is 409 with `correct` as the way on. */
@Injectable()
export class EditVisitHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, id: string, input: EditVisitInput): Promise<VisitView> {
    return this.db.run(context.actor.scope, async (tx) => {
      const visit = await tx.manager.getRepository(VisitOrmEntity).findOne({ where: { id } });
      if (!visit || !(await withinReach(tx.manager, context.actor.scope, visit.orgPath)))
        throw NotFoundError.of('visit', id);
      actingMemberId(context, visit.cadreId);
      if (!isEditable(visit.recordedAt, context.now)) {
        throw new ConflictError('the 7-day edit window has closed; append a correction instead', {
          allowed: ['correct'],
        });
      }
      await changeVisit(tx, context, visit, input, 'edited', null);
      return toVisitView(visit);
    });
  }
}
