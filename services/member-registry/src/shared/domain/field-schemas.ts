import { z } from 'zod';
import { checkResidentId, normaliseResidentId, RESIDENT_ID_MESSAGES } from './resident-id';
import { isValidMobile, MOBILE_MESSAGE, normaliseMobile } from './mobile';

// Field schemas shared by the HTTP bodies and the CSV import, so a row and a request are held to
// the same rules and report the same messages.

export const businessDateSchema = z.iso.date();
export const codeSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'lower-case code: letters, digits, _ . -');
export const orgCodeSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and -, at most 40');
export const personNameSchema = z.string().trim().min(1).max(50);

export const mobileSchema = z
  .string()
  .transform(normaliseMobile)
  .refine((value) => isValidMobile(value), MOBILE_MESSAGE);

/** Format and checksum only; consistency with a birth date is checked where both are known. */
export const residentIdSchema = z
  .string()
  .transform(normaliseResidentId)
  .superRefine((value, ctx) => {
    const result = checkResidentId(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: RESIDENT_ID_MESSAGES[result.problem] });
  });

export function todayInShanghai(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Completed years between two ISO dates (birthdays count on the day). */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
