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
    const withNul = fieldsContainingNul(value);
    if (withNul.length > 0) {
      throw new ValidationError(
        `Invalid request ${this.location}`,
        withNul.map((path) => ({
          field: path.length > 0 ? path.join('.') : this.location,
          message: 'Must not contain the NUL character (U+0000)',
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

/**
 * Paths of the strings (and keys) in a request part that contain U+0000. Postgres stores neither
 * a NUL in `text` nor `\u0000` in `jsonb`, so such a value would pass every schema and then fail
 * the write as a 500 — and fail every entry batched with it. Rejected here for every route.
 */
function fieldsContainingNul(value: unknown, path: readonly string[] = []): (readonly string[])[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (Array.isArray(value))
    return value.flatMap((item, index) => fieldsContainingNul(item, [...path, String(index)]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) =>
      key.includes('\u0000') ? [[...path, key]] : fieldsContainingNul(item, [...path, key]),
    );
  return [];
}
