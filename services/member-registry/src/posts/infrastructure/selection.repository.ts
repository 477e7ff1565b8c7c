import { NotFoundError } from '@lianxin/platform-http';
import type { EntityManager } from 'typeorm';
import type { SelectionState } from '../domain/selection-workflow';

export interface SelectionRow {
  id: string;
  district_id: string | null;
  org_path: string;
  branch_id: string;
  post_type_id: string;
  seats: number;
  state: SelectionState;
  objection_window_days: number;
  opens_on: string;
  applications_close_on: string;
  shortlist: string[];
  ballots_cast: number | null;
  results: { memberId: string; votes: number }[] | null;
  elected: string[];
  publicised_on: string | null;
  objection_window_ends_on: string | null;
  confirmed_on: string | null;
  cancelled_on: string | null;
  cancellation_reason: string | null;
  version: number;
}

const COLUMNS = `id, district_id, org_path, branch_id, post_type_id, seats, state, objection_window_days,
  to_char(opens_on, 'YYYY-MM-DD') AS opens_on, to_char(applications_close_on, 'YYYY-MM-DD') AS applications_close_on,
  shortlist, ballots_cast, results, elected, to_char(publicised_on, 'YYYY-MM-DD') AS publicised_on,
  to_char(objection_window_ends_on, 'YYYY-MM-DD') AS objection_window_ends_on, to_char(confirmed_on, 'YYYY-MM-DD') AS confirmed_on,
  to_char(cancelled_on, 'YYYY-MM-DD') AS cancelled_on, cancellation_reason, version`;

export async function requireSelection(
  manager: EntityManager,
  id: string,
  forUpdate = false,
): Promise<SelectionRow> {
  const rows = await manager.query<SelectionRow[]>(
    `SELECT ${COLUMNS} FROM post_selections WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!rows[0]) throw NotFoundError.of('post selection', id);
  return rows[0];
}

export async function candidatesOf(
  manager: EntityManager,
  selectionId: string,
): Promise<{ applicants: string[]; nominees: string[] }> {
  const applicants = await manager.query<{ member_id: string }[]>(
    'SELECT member_id FROM post_selection_applications WHERE selection_id = $1 ORDER BY created_at',
    [selectionId],
  );
  const nominees = await manager.query<{ member_id: string }[]>(
    'SELECT DISTINCT member_id FROM post_selection_nominations WHERE selection_id = $1',
    [selectionId],
  );
  return { applicants: applicants.map((r) => r.member_id), nominees: nominees.map((r) => r.member_id) };
}
