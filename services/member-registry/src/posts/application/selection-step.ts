import { type Action, type Actor } from '@lianxin/auth';
import { ConflictError } from '@lianxin/platform-http';
import type { TransactionContext } from '@lianxin/platform-persistence';
import { v7 as uuidv7 } from 'uuid';
import { currentCorrelationId, roleFor } from '../../shared/application/event-factory';
import { applyStep, type SelectionStep } from '../domain/selection-workflow';
import { requireSelection, type SelectionRow } from '../infrastructure/selection.repository';

/**
 * Every workflow step goes through here: lock the selection, check the step is allowed in its
 * state (409 naming the allowed next steps otherwise), run the step, move the state and write the
 * audit row — all in the caller's transaction, next to the step's outbox event.
 */
export async function runSelectionStep(
  tx: TransactionContext,
  selectionId: string,
  step: SelectionStep,
  actor: Actor,
  action: Action,
  work: (selection: SelectionRow) => Promise<void>,
): Promise<SelectionRow> {
  const selection = await requireSelection(tx.manager, selectionId, true);
  const outcome = applyStep(selection.state, step);
  if (!outcome.ok)
    throw new ConflictError(`"${step}" is not allowed while the selection is ${selection.state}`, {
      allowed: outcome.allowed,
    });
  await work(selection);
  await tx.manager.query(
    'UPDATE post_selections SET state = $2, version = version + 1, updated_at = now() WHERE id = $1',
    [selection.id, outcome.next],
  );
  await tx.manager.query(
    `INSERT INTO post_selection_audit (id, selection_id, district_id, org_path, step, from_state, to_state, actor_id, actor_role, correlation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      uuidv7(),
      selection.id,
      selection.district_id,
      selection.org_path,
      step,
      selection.state,
      outcome.next,
      actor.id,
      roleFor(actor, action),
      currentCorrelationId(),
    ],
  );
  return requireSelection(tx.manager, selection.id);
}
