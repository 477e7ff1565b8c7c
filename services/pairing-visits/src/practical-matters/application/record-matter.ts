import { practicalMatterDoneV1 } from '@lianxin/contracts';
import { type TransactionContext } from '@lianxin/platform-persistence';
import { v7 as uuidv7 } from 'uuid';
import { type CommandContext } from '../../shared/application/command-context';
import { publishEvent } from '../../shared/application/publish-event';
import { yearOf } from '../../shared/domain/business-date';
import { bumpTally } from '../../quota-progress/infrastructure/quota-tally.writer';
import { PracticalMatterOrmEntity } from '../infrastructure/practical-matter.orm-entity';

export interface RecordMatterInput {
  readonly districtId: string;
  /** Beneficiary household's place, or the member's unit when the matter served no one household. */
  readonly orgPath: string;
  readonly householdId: string | null;
  readonly member: { readonly id: string; readonly orgPath: string; readonly unitId: string };
  readonly category: string;
  readonly summary: string;
  readonly evidence: readonly string[];
  readonly doneOn: string;
  readonly visitId: string | null;
  readonly ticketId: string | null;
}

/** One record per matter done, whether entered on its own or as part of a visit diary entry. */
export async function recordMatter(
  tx: TransactionContext,
  context: CommandContext,
  input: RecordMatterInput,
): Promise<PracticalMatterOrmEntity> {
  const repository = tx.manager.getRepository(PracticalMatterOrmEntity);
  const row = repository.create({
    id: uuidv7(),
    districtId: input.districtId,
    orgPath: input.orgPath,
    householdId: input.householdId,
    memberId: input.member.id,
    memberOrgPath: input.member.orgPath,
    memberUnitId: input.member.unitId,
    category: input.category,
    summary: input.summary,
    evidence: [...input.evidence],
    doneOn: input.doneOn,
    doneYear: yearOf(input.doneOn),
    visitId: input.visitId,
    ticketId: input.ticketId,
    recordedBy: context.actor.id,
    recordedAt: context.now,
  });
  await repository.insert(row);
  await bumpTally(
    tx,
    {
      memberId: row.memberId,
      year: row.doneYear,
      placePath: row.orgPath,
      member: { districtId: row.districtId, orgPath: row.memberOrgPath },
    },
    { practicalMatters: 1 },
    context.now,
  );
  publishEvent(
    tx,
    context,
    practicalMatterDoneV1,
    { aggregateId: row.id, districtId: row.districtId, orgUnitPath: row.orgPath },
    {
      practicalMatterId: row.id,
      memberId: row.memberId,
      unitId: row.memberUnitId,
      householdId: row.householdId,
      category: row.category,
      doneOn: row.doneOn,
      visitId: row.visitId,
      ticketId: row.ticketId,
    },
  );
  return row;
}
