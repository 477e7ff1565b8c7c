import type { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { ValidationError } from '../errors/domain-errors';
import { toFieldErrors, type InputLocation } from './zod-issues';

/**
 * Parses one request part with a zod schema; failures become a 400 naming each field. A plain
 * top-level `z.object` is made strict here, so unknown fields are rejected even when a schema
 * author forgot; nested objects should be `z.strictObject` in the schema itself.
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  private readonly schema: z.ZodType;

  constructor(
    schema: S,
    private readonly location: InputLocation,
  ) {
    this.schema = strictTopLevel(schema);
  }

  transform(value: unknown): z.output<S> {
    const unstorable = unstorableText(value);
    if (unstorable.length > 0) {
      throw new ValidationError(
        `Invalid request ${this.location}`,
        unstorable.map(({ path, message }) => ({
          field: path.length > 0 ? path.join('.') : this.location,
          message,
        })),
      );
    }
    const result = this.schema.safeParse(value ?? (this.location === 'body' ? undefined : {}));
    if (!result.success) {
      throw new ValidationError(
        `Invalid request ${this.location}`,
        toFieldErrors(result.error.issues, this.location),
      );
    }
    return result.data as z.output<S>;
  }
}

export function strictTopLevel(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodObject ? schema.strict() : schema;
}

// A UTF-16 surrogate without its partner: JSON can carry it (`"\ud800"`), UTF-8 cannot.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'Must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'Must be well-formed Unicode (it holds a lone surrogate)';
  return undefined;
}

/**
 * The strings (and keys) in a request part that Postgres cannot store: U+0000 (neither `text` nor
 * `jsonb` takes it) and lone surrogates (`jsonb` rejects the escape; as text they would silently
 * become U+FFFD). Such a value would pass every schema and then fail the write as a 500 — and
 * fail every entry batched with it. Rejected here for every route, naming each field.
 */
function unstorableText(
  value: unknown,
  path: readonly string[] = [],
): { path: readonly string[]; message: string }[] {
  if (typeof value === 'string') {
    const message = textProblem(value);
    return message ? [{ path, message }] : [];
  }
  if (Array.isArray(value))
    return value.flatMap((item, index) => unstorableText(item, [...path, String(index)]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => {
      const message = textProblem(key);
      return message ? [{ path: [...path, key], message }] : unstorableText(item, [...path, key]);
    });
  return [];
}
