import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { candidatesOf, requireSelection } from '../../../infrastructure/selection.repository';
import { selectionViewSchema, toSelectionView } from '../../selection-view';

export const selectionDetailSchema = selectionViewSchema.extend({
  applicants: z.array(z.uuid()),
  nominees: z.array(z.uuid()),
  objections: z.array(
    z.object({ id: z.uuid(), againstMemberId: z.uuid().nullable(), reasonCode: z.string() }),
  ),
  audit: z.array(
    z.object({
      step: z.string(),
      fromState: z.string().nullable(),
      toState: z.string(),
      actorId: z.string(),
      actorRole: z.string(),
      correlationId: z.string(),
      at: z.string(),
    }),
  ),
});
export type SelectionDetail = z.infer<typeof selectionDetailSchema>;

@Injectable()
export class GetSelectionHandler {
  constructor(@Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute(id: string, actor: Actor): Promise<SelectionDetail> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const row = await requireSelection(tx.manager, id);
      const { applicants, nominees } = await candidatesOf(tx.manager, id);
      const objections = await tx.manager.query<
        { id: string; against_member_id: string | null; reason_code: string }[]
      >(
        'SELECT id, against_member_id, reason_code FROM post_selection_objections WHERE selection_id = $1 ORDER BY created_at',
        [id],
      );
      const audit = await tx.manager.query<
        {
          step: string;
          from_state: string | null;
          to_state: string;
          actor_id: string;
          actor_role: string;
          correlation_id: string;
          at: Date;
        }[]
      >(
        'SELECT step, from_state, to_state, actor_id, actor_role, correlation_id, at FROM post_selection_audit WHERE selection_id = $1 ORDER BY at, id',
        [id],
      );
      return {
        ...toSelectionView(row),
        applicants,
        nominees,
        objections: objections.map((o) => ({
          id: o.id,
          againstMemberId: o.against_member_id,
          reasonCode: o.reason_code,
        })),
        audit: audit.map((a) => ({
          step: a.step,
          fromState: a.from_state,
          toState: a.to_state,
          actorId: a.actor_id,
          actorRole: a.actor_role,
          correlationId: a.correlation_id,
          at: new Date(a.at).toISOString(),
        })),
      };
    });
  }
}
