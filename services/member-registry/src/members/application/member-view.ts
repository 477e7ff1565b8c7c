import { z } from 'zod';
import { cadreRank, educationLevel, gender, memberCategory } from '@lianxin/contracts';
import { can, type Actor } from '@lianxin/auth';
import type { PiiCipher } from '../../shared/infrastructure/pii-cipher';
import { maskMobile, maskResidentId } from '../../shared/domain/masking';
import {
  CADRE_RANK_LABELS,
  EDUCATION_LABELS,
  GENDER_LABELS,
  MEMBER_CATEGORY_LABELS,
  MEMBER_STATUS_LABELS,
} from '../../shared/domain/labels';
import type { MemberRow } from '../infrastructure/member-row';

export const memberViewSchema = z.object({
  id: z.uuid(),
  branchId: z.uuid(),
  districtId: z.uuid().nullable(),
  orgPath: z.string(),
  name: z.string(),
  gender,
  genderLabel: z.string(),
  ethnicity: z.string(),
  ethnicMinority: z.boolean(),
  birthDate: z.string(),
  educationLevel,
  educationLabel: z.string(),
  joinedAt: z.string(),
  /** Masked (139****5678) unless the caller may read sensitive member data. */
  mobile: z.string(),
  /** Masked unless the caller may read sensitive member data. */
  residentId: z.string(),
  sensitiveMasked: z.boolean(),
  category: memberCategory,
  categoryLabel: z.string(),
  hasPost: z.boolean(),
  postLabel: z.string(),
  cadreRank,
  cadreRankLabel: z.string(),
  position: z.string().nullable(),
  specialties: z.array(z.string()),
  rural: z.boolean(),
  phoneOnCard: z.boolean(),
  status: z.enum(['active', 'transferring', 'inactive']),
  statusLabel: z.string(),
  deactivationReason: z.string().nullable(),
  deactivatedOn: z.string().nullable(),
  version: z.number().int(),
});
export type MemberView = z.infer<typeof memberViewSchema>;

export function toMemberView(row: MemberRow, actor: Actor, cipher: PiiCipher): MemberView {
  const sensitive = can(actor, 'registry.member.read-sensitive');
  const mobile = cipher.decrypt(row.mobile_cipher);
  const residentId = cipher.decrypt(row.resident_id_cipher);
  const category = row.category as MemberView['category'];
  const rank = row.cadre_rank as MemberView['cadreRank'];
  const education = row.education_level as MemberView['educationLevel'];
  return {
    id: row.id,
    branchId: row.branch_id,
    districtId: row.district_id,
    orgPath: row.org_path,
    name: row.name,
    gender: row.gender,
    genderLabel: GENDER_LABELS[row.gender],
    ethnicity: row.ethnicity,
    ethnicMinority: row.ethnic_minority,
    birthDate: row.birth_date,
    educationLevel: education,
    educationLabel: EDUCATION_LABELS[education],
    joinedAt: row.joined_at,
    mobile: sensitive ? mobile : maskMobile(mobile),
    residentId: sensitive ? residentId : maskResidentId(residentId),
    sensitiveMasked: !sensitive,
    category,
    categoryLabel: MEMBER_CATEGORY_LABELS[category],
    hasPost: row.has_post,
    postLabel: row.has_post ? '有职党员' : '无职党员',
    cadreRank: rank,
    cadreRankLabel: CADRE_RANK_LABELS[rank],
    position: row.position,
    specialties: row.specialties,
    rural: row.rural,
    phoneOnCard: row.phone_on_card,
    status: row.status,
    statusLabel: MEMBER_STATUS_LABELS[row.status],
    deactivationReason: row.deactivation_reason,
    deactivatedOn: row.deactivated_on,
    version: row.version,
  };
}

/** The non-sensitive profile published in member events (never name, phone or ID number). */
export function memberProfile(row: MemberRow): {
  category: MemberView['category'];
  hasPost: boolean;
  cadreRank: MemberView['cadreRank'];
  gender: MemberView['gender'];
  ethnicityMinority: boolean;
  birthYear: number;
  educationLevel: MemberView['educationLevel'];
  rural: boolean;
  joinedAt: string;
  specialties: string[];
} {
  return {
    category: row.category as MemberView['category'],
    hasPost: row.has_post,
    cadreRank: row.cadre_rank as MemberView['cadreRank'],
    gender: row.gender,
    ethnicityMinority: row.ethnic_minority,
    birthYear: Number(row.birth_date.slice(0, 4)),
    educationLevel: row.education_level as MemberView['educationLevel'],
    rural: row.rural,
    joinedAt: row.joined_at,
    specialties: row.specialties,
  };
}
