import { z } from 'zod';

// Shared building blocks for envelopes and payloads. Payloads carry ids, codes, enums, dates and
// counts only: nothing here can hold a name, phone number, ID number or address.

/** Any RFC 9562 UUID (aggregate ids may predate UUIDv7 when imported from legacy rosters). */
export const uuid = z.uuid();

/** UUIDv7: every id the platform generates itself (event ids in particular). */
export const uuidV7 = z.uuidv7();

/** Org unit code: lower-case, no `_` or `%`, so SQL `LIKE` prefix matching on paths is exact. */
export const orgUnitCode = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);

/** Materialised org path of unit codes, starting and ending with `/`: `/hz/xihu/dahe/`. */
export const orgPath = z.string().regex(/^\/(?:[a-z0-9][a-z0-9-]{0,39}\/)+$/);

/** Business date (Asia/Shanghai calendar date), `YYYY-MM-DD`. */
export const businessDate = z.iso.date();

/** Instant in UTC, ISO 8601 with `Z` (offsets are rejected so strings sort and compare). */
export const utcTimestamp = z.iso.datetime({ offset: false });

/** Catalogue code (needs, specialties, reasons, categories): lower snake/kebab case. */
export const code = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/);

/** Non-negative integer count. */
export const count = z.number().int().nonnegative();

export const year = z.number().int().min(1900).max(2200);
