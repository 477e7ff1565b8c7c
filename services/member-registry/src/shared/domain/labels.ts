import type { z } from 'zod';
import type {
  cadreRank,
  educationLevel,
  gender,
  hardshipStatus,
  memberCategory,
  orgUnitLevel,
  partyGroupType,
  responsibilityArea,
} from '@lianxin/contracts';

// Chinese display labels for every enumeration the registry stores. Values are the stable codes
// of the event contracts; labels are for screens and printed cards only.

export const GENDER_LABELS: Readonly<Record<z.infer<typeof gender>, string>> = { female: '女', male: '男' };

export const MEMBER_CATEGORY_LABELS: Readonly<Record<z.infer<typeof memberCategory>, string>> = {
  cadre: '党员干部',
  ordinary: '一般党员',
  migrant: '外出党员',
  elderly_sick_disabled: '老病残党员',
};

export const CADRE_RANK_LABELS: Readonly<Record<z.infer<typeof cadreRank>, string>> = {
  county_leader: '县级领导',
  section_chief_or_above: '正科级实职以上干部',
  township_cadre: '乡镇干部',
  other_cadre: '其他干部',
  department_head: '部门单位负责人',
  none: '无',
};

export const EDUCATION_LABELS: Readonly<Record<z.infer<typeof educationLevel>, string>> = {
  primary_or_below: '小学及以下',
  junior_high: '初中',
  senior_high: '高中',
  vocational: '中专/职高',
  junior_college: '大专',
  bachelor: '本科',
  postgraduate: '研究生',
};

/** Education levels that count as "high school or above" (高中以上文化程度, 001 §2). */
export const HIGH_SCHOOL_OR_ABOVE: readonly z.infer<typeof educationLevel>[] = [
  'senior_high',
  'vocational',
  'junior_college',
  'bachelor',
  'postgraduate',
];

export const HARDSHIP_LABELS: Readonly<Record<z.infer<typeof hardshipStatus>, string>> = {
  poor: '贫困户',
  low_income: '低收入户',
  extreme_hardship: '特困户',
  none: '无',
};

export const ORG_LEVEL_LABELS: Readonly<Record<z.infer<typeof orgUnitLevel>, string>> = {
  city: '市',
  district: '区/县',
  township: '乡/镇/街道',
  village: '村/社区',
  branch: '党支部',
};

/** Finer kind of a unit within its level, shown instead of the level label when set. */
export const ORG_UNIT_KINDS = [
  'city',
  'district',
  'county',
  'township',
  'town',
  'street',
  'village',
  'community',
  'branch',
] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];
export const ORG_KIND_LABELS: Readonly<Record<OrgUnitKind, string>> = {
  city: '市',
  district: '区',
  county: '县',
  township: '乡',
  town: '镇',
  street: '街道',
  village: '村',
  community: '社区',
  branch: '党支部',
};

export const PARTY_GROUP_TYPE_LABELS: Readonly<Record<z.infer<typeof partyGroupType>, string>> = {
  family_planning: '计生服务',
  traffic: '交通管理',
  patrol: '治安巡逻',
  mediation: '矛盾调解',
  industry: '产业发展',
  labour: '劳工服务',
  responsibility: '党员责任小组',
};

export const RESPONSIBILITY_AREA_LABELS: Readonly<Record<z.infer<typeof responsibilityArea>, string>> = {
  economy: '经济',
  environment: '环境',
  livelihood: '民生',
  culture: '文化',
  stability: '维稳',
};

export const MEMBER_STATUS_LABELS = {
  active: '在册',
  transferring: '转出中',
  transferred: '已转出',
  inactive: '已注销',
} as const;

export const DEACTIVATION_REASON_LABELS = {
  deceased: '去世',
  left_city: '迁出本市',
  membership_ended: '党籍终止',
  duplicate_record: '重复登记',
  other: '其他',
} as const;
export type DeactivationReason = keyof typeof DEACTIVATION_REASON_LABELS;
