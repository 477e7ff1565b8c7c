import { z } from 'zod';
import { householdAttributesShape } from '../../households/domain/household-input';
import { checkMemberCrossFields, memberAttributesShape } from '../../members/domain/member-input';

import {
  CADRE_RANK_LABELS,
  EDUCATION_LABELS,
  GENDER_LABELS,
  HARDSHIP_LABELS,
  MEMBER_CATEGORY_LABELS,
} from '../../shared/domain/labels';

// CSV rows as exported from office spreadsheets: headers may be the API field names or the
// Chinese column titles people actually use, and enumerations may be codes or Chinese labels.

export interface RowError {
  /** Spreadsheet row number: the header is row 1, the first data row is row 2. */
  readonly row: number;
  readonly field: string;
  readonly reason: string;
}

export type ImportKind = 'members' | 'households';

const MEMBER_HEADERS: Readonly<Record<string, string>> = {
  姓名: 'name',
  性别: 'gender',
  民族: 'ethnicity',
  出生日期: 'birthDate',
  文化程度: 'educationLevel',
  学历: 'educationLevel',
  入党日期: 'joinedAt',
  入党时间: 'joinedAt',
  手机号码: 'mobile',
  联系电话: 'mobile',
  身份证号: 'residentId',
  身份证号码: 'residentId',
  党员类别: 'category',
  是否有职: 'hasPost',
  干部级别: 'cadreRank',
  职务: 'position',
  特长: 'specialties',
  是否农村: 'rural',
  名片显示电话: 'phoneOnCard',
  支部编码: 'branchCode',
};

const HOUSEHOLD_HEADERS: Readonly<Record<string, string>> = {
  户主姓名: 'headName',
  身份证号: 'residentId',
  身份证号码: 'residentId',
  联系电话: 'mobile',
  手机号码: 'mobile',
  住址: 'address',
  家庭住址: 'address',
  家庭人口: 'size',
  人口数: 'size',
  困难类型: 'hardshipStatus',
  需求: 'needs',
  是否外出党员户: 'isMigrantMemberHousehold',
  村社区编码: 'villageCode',
};

export const REQUIRED_HEADERS: Readonly<Record<ImportKind, readonly string[]>> = {
  members: [
    'name',
    'gender',
    'ethnicity',
    'birthDate',
    'educationLevel',
    'joinedAt',
    'mobile',
    'residentId',
    'category',
    'hasPost',
    'rural',
    'branchCode',
  ],
  households: ['headName', 'address', 'size', 'villageCode'],
};

/** Maps header cells to field names; unknown headers are reported, not silently ignored. */
export function resolveHeaders(
  kind: ImportKind,
  header: readonly string[],
): { fields: string[]; errors: RowError[] } {
  const aliases = kind === 'members' ? MEMBER_HEADERS : HOUSEHOLD_HEADERS;
  const known = new Set([...Object.values(aliases), ...REQUIRED_HEADERS[kind]]);
  const fields = header.map((cell) => {
    const trimmed = cell.replace(/^\uFEFF/, '').trim();
    return aliases[trimmed] ?? trimmed;
  });
  const errors: RowError[] = [];
  fields.forEach((field, i) => {
    if (!known.has(field)) errors.push({ row: 1, field: header[i], reason: 'unknown column' });
  });
  for (const required of REQUIRED_HEADERS[kind]) {
    if (!fields.includes(required))
      errors.push({ row: 1, field: required, reason: 'required column is missing' });
  }
  return { fields, errors };
}

function invert(labels: Readonly<Record<string, string>>): Map<string, string> {
  return new Map(Object.entries(labels).map(([code, label]) => [label, code]));
}

const LABEL_TO_CODE: Readonly<Record<string, Map<string, string>>> = {
  gender: invert(GENDER_LABELS),
  educationLevel: invert(EDUCATION_LABELS),
  category: invert(MEMBER_CATEGORY_LABELS),
  cadreRank: invert(CADRE_RANK_LABELS),
  hardshipStatus: invert(HARDSHIP_LABELS),
};

const TRUE_WORDS = new Set(['是', 'true', '1', 'y', 'yes', '有']);
const FALSE_WORDS = new Set(['否', 'false', '0', 'n', 'no', '无', '']);
const BOOLEAN_FIELDS = new Set(['hasPost', 'rural', 'phoneOnCard', 'isMigrantMemberHousehold']);
const LIST_FIELDS = new Set(['specialties', 'needs']);
const NULLABLE_WHEN_EMPTY = new Set(['position', 'residentId', 'mobile']);

/** Turns spreadsheet text into the typed values the schemas expect; leaves bad text for zod to name. */
function coerceCell(field: string, raw: string): unknown {
  const text = raw.trim();
  if (BOOLEAN_FIELDS.has(field)) {
    const lower = text.toLowerCase();
    if (TRUE_WORDS.has(lower)) return true;
    if (FALSE_WORDS.has(lower)) return false;
    return text;
  }
  if (LIST_FIELDS.has(field))
    return text === ''
      ? []
      : text
          .split(/[;；、,，|]/)
          .map((s) => s.trim())
          .filter((s) => s !== '');
  if (field === 'size') return /^\d+$/.test(text) ? Number(text) : text;
  if (field === 'birthDate' || field === 'joinedAt')
    return text
      .replaceAll('/', '-')
      .replace(/^(\d{4})-(\d)-/, '$1-0$2-')
      .replace(/-(\d)$/, '-0$1');
  const byLabel = LABEL_TO_CODE[field]?.get(text);
  if (byLabel !== undefined) return byLabel;
  if (text === '' && NULLABLE_WHEN_EMPTY.has(field)) return null;
  if (text === '') return undefined;
  return text;
}

/**
 * Unit codes repeat across villages (every village has a `b-01`), so a row names its branch or
 * village by the code path below the unit the import is for: `v-hongqi/b-01`.
 */
export const relativeUnitPathSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/^\/+|\/+$/g, ''))
  .pipe(
    z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]{0,39}(\/[a-z0-9][a-z0-9-]{0,39})*$/,
        'code path below the import unit, e.g. v-hongqi/b-01',
      ),
  );

const memberRowSchema = z.strictObject({ ...memberAttributesShape, branchCode: relativeUnitPathSchema });
const householdRowSchema = z.strictObject({
  ...householdAttributesShape,
  villageCode: relativeUnitPathSchema,
});

export type MemberRow = z.output<typeof memberRowSchema>;
export type HouseholdRow = z.output<typeof householdRowSchema>;

export type RowResult<T> = { ok: true; value: T } | { ok: false; errors: RowError[] };

function toRecord(fields: readonly string[], cells: readonly string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  fields.forEach((field, i) => {
    const value = coerceCell(field, cells[i] ?? '');
    if (value !== undefined) record[field] = value;
  });
  return record;
}

function issuesToErrors(row: number, issues: readonly z.core.$ZodIssue[]): RowError[] {
  return issues.map((issue) => ({ row, field: issue.path.join('.') || 'row', reason: issue.message }));
}

// Building a zod schema (superRefine clones the object, and its parser is compiled on first use)
// costs far more than running it: keep one per reference date.
const refinedByDay = new Map<string, ReturnType<typeof refineFor>>();
function refineFor(today: string) {
  return memberRowSchema.superRefine((value, ctx) => checkMemberCrossFields(value, ctx, today));
}

/**
 * Postgres cannot store U+0000 in `text`: a cell holding it would pass every schema and then fail
 * the whole import's insert. Named per column like any other bad cell.
 */
function nulErrors(row: number, fields: readonly string[], cells: readonly string[]): RowError[] {
  const errors: RowError[] = [];
  fields.forEach((field, i) => {
    if (cells[i]?.includes('\u0000'))
      errors.push({ row, field, reason: 'must not contain the NUL character (U+0000)' });
  });
  return errors;
}

export function validateMemberRow(
  row: number,
  fields: readonly string[],
  cells: readonly string[],
  today: string,
): RowResult<MemberRow> {
  const nul = nulErrors(row, fields, cells);
  if (nul.length > 0) return { ok: false, errors: nul };
  let schema = refinedByDay.get(today);
  if (!schema) {
    schema = refineFor(today);
    refinedByDay.clear();
    refinedByDay.set(today, schema);
  }
  const parsed = schema.safeParse(toRecord(fields, cells));
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: issuesToErrors(row, parsed.error.issues) };
}

export function validateHouseholdRow(
  row: number,
  fields: readonly string[],
  cells: readonly string[],
): RowResult<HouseholdRow> {
  const nul = nulErrors(row, fields, cells);
  if (nul.length > 0) return { ok: false, errors: nul };
  const parsed = householdRowSchema.safeParse(toRecord(fields, cells));
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: issuesToErrors(row, parsed.error.issues) };
}
