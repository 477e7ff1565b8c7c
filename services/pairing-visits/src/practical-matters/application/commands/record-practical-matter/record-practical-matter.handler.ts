import { BusinessRuleError, NotFoundError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { activeMemberOr404 } from '../../../../projections/infrastructure/member.repository';
import { actingMemberId } from '../../../../shared/application/acting-member';
import { districtScopeOf, type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { householdInReachOr404 } from '../../../../shared/infrastructure/reach';
import { shanghaiDate } from '../../../../shared/domain/business-date';
import { recordMatter } from '../../record-matter';
import { type PracticalMatterView, type RecordPracticalMatterInput } from '../../practical-matters.schemas';

/** A practical matter done outside a visit (one done on a visit is entered with the visit). */
@Injectable()
export class RecordPracticalMatterHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, input: RecordPracticalMatterInput): Promise<PracticalMatterView> {
    const memberId = actingMemberId(context, input.memberId);
    if (input.doneOn > shanghaiDate(context.now))
      throw new BusinessRuleError('a matter cannot be done in the future', { rule: 'doneOn' });
    return this.db.run(districtScopeOf(context.actor.scope), async (tx) => {
      const member = await activeMemberOr404(tx.manager, memberId);
      const household = input.householdId
        ? await householdInReachOr404(tx.manager, input.householdId, context.actor.scope)
        : null;
      if (!household && !member.orgPath.startsWith(context.actor.scope))
        throw NotFoundError.of('member', memberId);
      if (household && household.districtId !== member.districtId)
        throw NotFoundError.of('household', household.id);
      const row = await recordMatter(tx, context, {
        districtId: member.districtId,
        orgPath: household?.orgPath ?? member.orgPath,
        householdId: household?.id ?? null,
        member: { id: member.id, orgPath: member.orgPath, unitId: member.branchUnitId },
        category: input.category,
        summary: input.summary,
        evidence: input.evidence,
        doneOn: input.doneOn,
        visitId: null,
        ticketId: null,
      });
      return {
        id: row.id,
        memberId: row.memberId,
        householdId: row.householdId,
        category: row.category,
        summary: row.summary,
        evidence: row.evidence,
        doneOn: row.doneOn,
        visitId: row.visitId,
      };
    });
  }
}
