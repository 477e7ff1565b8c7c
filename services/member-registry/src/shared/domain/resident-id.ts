// Resident identity numbers (居民身份证号码), GB 11643-1999: 6-digit area code, 8-digit birth date,
// 3-digit sequence (odd = male, even = female), and an ISO 7064 MOD 11-2 check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type ResidentIdProblem = 'format' | 'checksum' | 'birth-date' | 'birth-date-mismatch';

export interface ResidentIdFacts {
  /** `YYYY-MM-DD` as encoded in the number. */
  readonly birthDate: string;
  readonly gender: 'female' | 'male';
}

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Upper-cases a trailing `x` (people often type it lower-case) and trims spaces. */
export function normaliseResidentId(raw: string): string {
  return raw.trim().toUpperCase();
}

/**
 * Checks a number and, when given, that it agrees with the birth date on record. Returns the
 * first problem found, or the facts encoded in the number.
 */
export function checkResidentId(
  raw: string,
  options: { birthDate?: string; today?: string } = {},
): { ok: true; facts: ResidentIdFacts } | { ok: false; problem: ResidentIdProblem } {
  const id = normaliseResidentId(raw);
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return { ok: false, problem: 'format' };
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, problem: 'checksum' };
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (year < 1900 || !isRealDate(year, month, day) || birthDate > today)
    return { ok: false, problem: 'birth-date' };
  if (options.birthDate !== undefined && options.birthDate !== birthDate)
    return { ok: false, problem: 'birth-date-mismatch' };
  return { ok: true, facts: { birthDate, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' } };
}

export const RESIDENT_ID_MESSAGES: Readonly<Record<ResidentIdProblem, string>> = {
  format: 'must be 18 characters: 17 digits and a digit or X',
  checksum: 'check digit does not match (GB 11643)',
  'birth-date': 'encodes a birth date that does not exist',
  'birth-date-mismatch': 'birth date in the ID number differs from birthDate',
};

/** Builds a valid number from its parts; used by the demo generator and tests. */
export function buildResidentId(areaCode: string, birthDate: string, sequence: number): string {
  const first17 = `${areaCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}
