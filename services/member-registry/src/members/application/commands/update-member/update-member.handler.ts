import { Inject, Injectable } from '@nestjs/common';
import { memberUpdatedV1, type EventData } from '@lianxin/contracts';
import type { Actor } from '@lianxin/auth';
import { ConflictError, ValidationError } from '@lianxin/platform-http';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { publish } from '../../../../shared/application/event-factory';
import { PII_CIPHER, REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { todayInShanghai } from '../../../../shared/domain/field-schemas';
import type { PiiCipher } from '../../../../shared/infrastructure/pii-cipher';
import {
  isEthnicMinority,
  memberAttributesShape,
  memberCrossFieldIssues,
} from '../../../domain/member-input';
import { isUniqueViolation, requireMember } from '../../../infrastructure/member.repository';
import { memberProfile, toMemberView, type MemberView } from '../../member-view';

const s = memberAttributesShape;
export const updateMemberBody = z
  .strictObject({
    name: s.name.optional(),
    gender: s.gender.optional(),
    ethnicity: s.ethnicity.optional(),
    birthDate: s.birthDate.optional(),
    educationLevel: s.educationLevel.optional(),
    joinedAt: s.joinedAt.optional(),
    mobile: s.mobile.optional(),
    residentId: s.residentId.optional(),
    category: s.category.optional(),
    hasPost: s.hasPost.optional(),
    cadreRank: z
      .enum([
        'county_leader',
        'section_chief_or_above',
        'township_cadre',
        'other_cadre',
        'department_head',
        'none',
      ])
      .optional(),
    position: z.string().trim().max(50).nullable().optional(),
    specialties: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/))
      .max(20)
      .optional(),
    rural: s.rural.optional(),
    phoneOnCard: z.boolean().optional(),
    /** Optimistic concurrency: the version the caller last read. */
    version: z.number().int().min(1).max(2_147_483_647).optional(),
  })
  .refine(
    (value) => Object.keys(value).some((key) => key !== 'version'),
    'give at least one field to change',
  );
export type UpdateMemberCommand = z.output<typeof updateMemberBody> & { id: string };

type Changes = EventData<typeof memberUpdatedV1>['changes'];

@Injectable()
export class UpdateMemberHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PII_CIPHER) private readonly cipher: PiiCipher,
  ) {}

  execute(command: UpdateMemberCommand, actor: Actor): Promise<MemberView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const before = await requireMember(tx.manager, command.id, true);
      if (command.version !== undefined && command.version !== before.version) {
        throw new ConflictError(
          `member was changed since version ${command.version} (now ${before.version})`,
        );
      }
      const merged = {
        birthDate: command.birthDate ?? before.birth_date,
        joinedAt: command.joinedAt ?? before.joined_at,
        residentId: command.residentId ?? this.cipher.decrypt(before.resident_id_cipher),
        category: command.category ?? before.category,
        cadreRank: command.cadreRank ?? before.cadre_rank,
      };
      const issues = memberCrossFieldIssues(merged, todayInShanghai());
      if (issues.length > 0) throw new ValidationError('member fields are inconsistent', issues);
      try {
        await tx.manager.query(
          `UPDATE members SET
             name = COALESCE($2, name), gender = COALESCE($3, gender), ethnicity = COALESCE($4, ethnicity),
             ethnic_minority = COALESCE($5, ethnic_minority), birth_date = COALESCE($6::date, birth_date),
             education_level = COALESCE($7, education_level), joined_at = COALESCE($8::date, joined_at),
             mobile_cipher = COALESCE($9, mobile_cipher), mobile_index = COALESCE($10, mobile_index),
             resident_id_cipher = COALESCE($11, resident_id_cipher), resident_id_index = COALESCE($12, resident_id_index),
             category = COALESCE($13, category), has_post = COALESCE($14, has_post), cadre_rank = COALESCE($15, cadre_rank),
             position = CASE WHEN $16::boolean THEN $17 ELSE position END, specialties = COALESCE($18::text[], specialties),
             rural = COALESCE($19, rural), phone_on_card = COALESCE($20, phone_on_card),
             version = version + 1, updated_at = now()
           WHERE id = $1`,
          [
            before.id,
            command.name ?? null,
            command.gender ?? null,
            command.ethnicity ?? null,
            command.ethnicity === undefined ? null : isEthnicMinority(command.ethnicity),
            command.birthDate ?? null,
            command.educationLevel ?? null,
            command.joinedAt ?? null,
            command.mobile === undefined ? null : this.cipher.encrypt(command.mobile),
            command.mobile === undefined ? null : this.cipher.blindIndex('mobile', command.mobile),
            command.residentId === undefined ? null : this.cipher.encrypt(command.residentId),
            command.residentId === undefined
              ? null
              : this.cipher.blindIndex('resident-id', command.residentId),
            command.category ?? null,
            command.hasPost ?? null,
            command.cadreRank ?? null,
            command.position !== undefined,
            command.position ?? null,
            command.specialties ?? null,
            command.rural ?? null,
            command.phoneOnCard ?? null,
          ],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'members_resident_id_index_key'))
          throw new ConflictError('A member with this resident ID number is already registered');
        throw error;
      }
      const after = await requireMember(tx.manager, before.id);
      const previous = memberProfile(before);
      const next = memberProfile(after);
      const changedFields = (Object.keys(next) as (keyof typeof next)[]).filter(
        (key) => JSON.stringify(previous[key]) !== JSON.stringify(next[key]),
      );
      // Name, phone and ID number changes are recorded but never published.
      if (changedFields.length > 0) {
        const changes: Changes = Object.fromEntries(changedFields.map((key) => [key, next[key]]));
        publish(
          tx,
          memberUpdatedV1,
          actor,
          'registry.member.write',
          { districtId: after.district_id, orgPath: after.org_path, aggregateId: after.id },
          {
            memberId: after.id,
            changedFields,
            changes,
          },
        );
      }
      return toMemberView(after, actor, this.cipher);
    });
  }
}
