import { Inject, Injectable } from '@nestjs/common';
import { householdHardshipStatusChangedV1, householdUpdatedV1, hardshipStatus } from '@lianxin/contracts';
import type { Actor } from '@lianxin/auth';
import { ConflictError } from '@lianxin/platform-http';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { publish } from '../../../../shared/application/event-factory';
import {
  PII_CIPHER,
  REGISTRY_DATA_SOURCE,
  REGISTRY_SETTINGS,
  type RegistrySettings,
} from '../../../../shared/application/registry-tokens';
import {
  codeSchema,
  mobileSchema,
  personNameSchema,
  residentIdSchema,
} from '../../../../shared/domain/field-schemas';
import type { PiiCipher } from '../../../../shared/infrastructure/pii-cipher';
import { isUniqueViolation } from '../../../../members/infrastructure/member.repository';
import { requireHousehold } from '../../../infrastructure/household.repository';
import { toHouseholdView, type HouseholdView } from '../../household-view';

export const updateHouseholdBody = z
  .strictObject({
    headName: personNameSchema.optional(),
    residentId: residentIdSchema.optional(),
    mobile: mobileSchema.optional(),
    address: z.string().trim().min(1).max(200).optional(),
    size: z.number().int().min(1).max(50).optional(),
    hardshipStatus: hardshipStatus.optional(),
    /** Why the hardship status changed (e.g. income_rose, illness); recorded in the event. */
    hardshipReason: codeSchema.optional(),
    needs: z.array(codeSchema).max(20).optional(),
    isMigrantMemberHousehold: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'hardshipReason'), 'give at least one field to change');
export type UpdateHouseholdCommand = z.output<typeof updateHouseholdBody> & { id: string };

@Injectable()
export class UpdateHouseholdHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PII_CIPHER) private readonly cipher: PiiCipher,
    @Inject(REGISTRY_SETTINGS) private readonly settings: RegistrySettings,
  ) {}

  execute(command: UpdateHouseholdCommand, actor: Actor): Promise<HouseholdView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const before = await requireHousehold(tx.manager, command.id, true);
      try {
        await tx.manager.query(
          `UPDATE households SET head_name = COALESCE($2, head_name), address = COALESCE($3, address), size = COALESCE($4, size),
             hardship_status = COALESCE($5, hardship_status), needs = COALESCE($6::text[], needs),
             is_migrant_member_household = COALESCE($7, is_migrant_member_household),
             resident_id_cipher = COALESCE($8, resident_id_cipher), resident_id_index = COALESCE($9, resident_id_index),
             mobile_cipher = COALESCE($10, mobile_cipher), mobile_index = COALESCE($11, mobile_index),
             version = version + 1, updated_at = now()
           WHERE id = $1`,
          [
            before.id,
            command.headName ?? null,
            command.address ?? null,
            command.size ?? null,
            command.hardshipStatus ?? null,
            command.needs ?? null,
            command.isMigrantMemberHousehold ?? null,
            command.residentId ? this.cipher.encrypt(command.residentId) : null,
            command.residentId ? this.cipher.blindIndex('resident-id', command.residentId) : null,
            command.mobile ? this.cipher.encrypt(command.mobile) : null,
            command.mobile ? this.cipher.blindIndex('mobile', command.mobile) : null,
          ],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'households_resident_id_index_key'))
          throw new ConflictError('A household with this resident ID number is already registered');
        throw error;
      }
      const target = { districtId: before.district_id, orgPath: before.org_path, aggregateId: before.id };
      if (command.hardshipStatus !== undefined && command.hardshipStatus !== before.hardship_status) {
        publish(tx, householdHardshipStatusChangedV1, actor, 'registry.household.write', target, {
          householdId: before.id,
          previousStatus: before.hardship_status,
          hardshipStatus: command.hardshipStatus,
          effectiveOn: this.settings.today(),
          reasonCode: command.hardshipReason ?? null,
        });
      }
      const changes: { size?: number; needs?: string[]; isMigrantMemberHousehold?: boolean } = {};
      if (command.size !== undefined && command.size !== before.size) changes.size = command.size;
      if (command.needs !== undefined && JSON.stringify(command.needs) !== JSON.stringify(before.needs))
        changes.needs = command.needs;
      if (
        command.isMigrantMemberHousehold !== undefined &&
        command.isMigrantMemberHousehold !== before.is_migrant_member_household
      ) {
        changes.isMigrantMemberHousehold = command.isMigrantMemberHousehold;
      }
      // Personal details (name, address, ID number, phone) change silently: only the fact is published.
      const personal =
        command.headName !== undefined ||
        command.address !== undefined ||
        command.residentId !== undefined ||
        command.mobile !== undefined;
      const changedFields = [
        ...(Object.keys(changes) as (keyof typeof changes)[]),
        ...(personal ? (['personal_details'] as const) : []),
      ];
      if (changedFields.length > 0) {
        publish(tx, householdUpdatedV1, actor, 'registry.household.write', target, {
          householdId: before.id,
          changedFields,
          changes,
        });
      }
      return toHouseholdView(await requireHousehold(tx.manager, before.id), actor, this.cipher);
    });
  }
}
