import type { z } from 'zod';
import type { FieldError } from '../errors/domain-errors';

export type InputLocation = 'body' | 'query' | 'params';

/** One `FieldError` per failing field; unknown keys are reported one by one by name. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[], location: InputLocation): FieldError[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...path, key].join('.'), message: 'Unknown field' }));
    }
    return [{ field: path.length > 0 ? path.join('.') : location, message: issue.message }];
  });
}
