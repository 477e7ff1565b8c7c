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
