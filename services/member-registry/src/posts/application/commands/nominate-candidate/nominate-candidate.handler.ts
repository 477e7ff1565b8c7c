import { postSelectionNominationReceivedV1 } from '@lianxin/contracts';
import { BusinessRuleError } from '@lianxin/platform-http';
import { v7 as uuidv7 } from 'uuid';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { runSelectionStep } from '../../selection-step';
import { toSelectionView, type SelectionView } from '../../selection-view';
import { publish } from '../../../../shared/application/event-factory';

export const nominateCandidateBody = z.strictObject({
  memberId: z.uuid(),
  nominatorKind: z.enum(['resident', 'resident_representative', 'member', 'branch_committee']),
  /** Free text kept in the registry only (may name the resident who nominated). */
  note: z.string().trim().max(300).optional(),
});
export type NominateCandidateCommand = z.output<typeof nominateCandidateBody> & { selectionId: string };

/** 群众提名推荐: residents (recorded by the branch) put members forward. */
@Injectable()
export class NominateCandidateHandler {
  constructor(@Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute(command: NominateCandidateCommand, actor: Actor): Promise<SelectionView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const row = await runSelectionStep(
        tx,
        command.selectionId,
        'nominate',
        actor,
        'registry.post.write',
        async (s) => {
          const member = await tx.manager.query<{ id: string }[]>(
            "SELECT id FROM members WHERE id = $1 AND branch_id = $2 AND status = 'active'",
            [command.memberId, s.branch_id],
          );
          if (member.length === 0)
            throw new BusinessRuleError('only active members of the branch can be nominated', {
              rule: 'member-of-branch',
            });
          const nominationId = uuidv7();
          await tx.manager.query(
            'INSERT INTO post_selection_nominations (id, selection_id, district_id, org_path, member_id, nominator_kind, note) VALUES ($1, $2, $3, $4, $5, $6, $7)',
            [
              nominationId,
              s.id,
              s.district_id,
              s.org_path,
              command.memberId,
              command.nominatorKind,
              command.note ?? null,
            ],
          );
          publish(
            tx,
            postSelectionNominationReceivedV1,
            actor,
            'registry.post.write',
            { districtId: s.district_id, orgPath: s.org_path, aggregateId: s.id },
            {
              selectionId: s.id,
              nominationId,
              memberId: command.memberId,
              nominatorKind: command.nominatorKind,
            },
          );
        },
      );
      return toSelectionView(row);
    });
  }
}
