import { PLEDGE_STATUSES, type PledgeStatus, type RatingSummary } from '../domain/pledge-rules';
import { type PledgeOrmEntity } from '../infrastructure/pledge.orm-entity';
import { type PledgeView } from './pledges.schemas';

function asStatus(value: string): PledgeStatus {
  return (PLEDGE_STATUSES as readonly string[]).includes(value) ? (value as PledgeStatus) : 'draft';
}

export function toPledgeView(row: PledgeOrmEntity, evaluations?: RatingSummary): PledgeView {
  return {
    id: row.id,
    memberId: row.memberId,
    year: row.pledgeYear,
    ordinal: row.ordinal,
    category: row.category,
    content: row.content,
    deadline: row.deadline,
    qualityStandard: row.qualityStandard,
    householdIds: row.householdIds,
    status: asStatus(row.status),
    progressPercent: row.progressPercent,
    progressNotes: row.progressNotes,
    evidence: row.evidence,
    publishedOn: row.publishedOn,
    fulfilledOn: row.fulfilledOn,
    ...(evaluations ? { evaluations } : {}),
  };
}
