import { postSelectionApplicationSubmittedV1 } from '@lianxin/contracts';
import { BusinessRuleError, ConflictError } from '@lianxin/platform-http';
import { v7 as uuidv7 } from 'uuid';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  REGISTRY_DATA_SOURCE,
  REGISTRY_SETTINGS,
  type RegistrySettings,
} from '../../../../shared/application/registry-tokens';
import { runSelectionStep } from '../../selection-step';
import { toSelectionView, type SelectionView } from '../../selection-view';
import { publish } from '../../../../shared/application/event-factory';

export const submitApplicationBody = z.strictObject({
  memberId: z.uuid(),
  statement: z.string().trim().min(1).max(500),
});
export type SubmitApplicationCommand = z.output<typeof submitApplicationBody> & { selectionId: string };

/** 党员自己申报: a member of the branch applies for the post. */
@Injectable()
export class SubmitApplicationHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REGISTRY_SETTINGS) private readonly settings: RegistrySettings,
  ) {}

  execute(command: SubmitApplicationCommand, actor: Actor): Promise<SelectionView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const row = await runSelectionStep(
        tx,
        command.selectionId,
        'apply',
        actor,
        'registry.post.write',
        async (s) => {
          if (this.settings.today() > s.applications_close_on)
            throw new BusinessRuleError('applications are closed', { rule: 'applications-closed' });
          const member = await tx.manager.query<{ id: string }[]>(
            "SELECT id FROM members WHERE id = $1 AND branch_id = $2 AND status = 'active'",
            [command.memberId, s.branch_id],
          );
          if (member.length === 0)
            throw new BusinessRuleError('only active members of the branch can apply', {
              rule: 'member-of-branch',
            });
          const applicationId = uuidv7();
          const inserted = await tx.manager.query<{ id: string }[]>(
            `INSERT INTO post_selection_applications (id, selection_id, district_id, org_path, member_id, statement) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (selection_id, member_id) DO NOTHING RETURNING id`,
            [applicationId, s.id, s.district_id, s.org_path, command.memberId, command.statement],
          );
          if (inserted.length === 0)
            throw new ConflictError('the member has already applied', { allowed: ['close-applications'] });
          publish(
            tx,
            postSelectionApplicationSubmittedV1,
            actor,
            'registry.post.write',
            { districtId: s.district_id, orgPath: s.org_path, aggregateId: s.id },
            {
              selectionId: s.id,
              applicationId,
              memberId: command.memberId,
            },
          );
        },
      );
      return toSelectionView(row);
    });
  }
}
