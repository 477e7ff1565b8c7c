import { z } from 'zod';
import {
  allowedSteps,
  SELECTION_STATE_LABELS,
  SELECTION_STATES,
  SELECTION_STEPS,
} from '../domain/selection-workflow';
import type { SelectionRow } from '../infrastructure/selection.repository';

export const selectionViewSchema = z.object({
  id: z.uuid(),
  branchId: z.uuid(),
  postTypeId: z.uuid(),
  seats: z.number().int(),
  state: z.enum(SELECTION_STATES),
  stateLabel: z.string(),
  allowedSteps: z.array(z.enum(SELECTION_STEPS)),
  opensOn: z.string(),
  applicationsCloseOn: z.string(),
  shortlist: z.array(z.uuid()),
  ballotsCast: z.number().int().nullable(),
  results: z.array(z.object({ memberId: z.uuid(), votes: z.number().int() })).nullable(),
  elected: z.array(z.uuid()),
  publicisedOn: z.string().nullable(),
  objectionWindowDays: z.number().int(),
  objectionWindowEndsOn: z.string().nullable(),
  confirmedOn: z.string().nullable(),
  cancelledOn: z.string().nullable(),
  cancellationReason: z.string().nullable(),
  version: z.number().int(),
});
export type SelectionView = z.infer<typeof selectionViewSchema>;

export function toSelectionView(row: SelectionRow): SelectionView {
  return {
    id: row.id,
    branchId: row.branch_id,
    postTypeId: row.post_type_id,
    seats: row.seats,
    state: row.state,
    stateLabel: SELECTION_STATE_LABELS[row.state],
    allowedSteps: allowedSteps(row.state),
    opensOn: row.opens_on,
    applicationsCloseOn: row.applications_close_on,
    shortlist: row.shortlist,
    ballotsCast: row.ballots_cast,
    results: row.results,
    elected: row.elected,
    publicisedOn: row.publicised_on,
    objectionWindowDays: row.objection_window_days,
    objectionWindowEndsOn: row.objection_window_ends_on,
    confirmedOn: row.confirmed_on,
    cancelledOn: row.cancelled_on,
    cancellationReason: row.cancellation_reason,
    version: row.version,
  };
}
