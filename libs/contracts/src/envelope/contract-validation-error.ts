import { type z } from 'zod';

export interface ContractIssue {
  /** Dotted path into the envelope, e.g. `data.visitedOn`; empty for the envelope itself. */
  readonly path: string;
  readonly message: string;
}

/** Raised (or returned) when a message or payload does not match its contract. */
export class ContractValidationError extends Error {
  constructor(
    message: string,
    readonly issues: readonly ContractIssue[],
  ) {
    super(`${message}: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`);
    this.name = 'ContractValidationError';
  }
}

export function issuesFromZod(error: z.ZodError, prefix: readonly PropertyKey[] = []): ContractIssue[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.'),
    message: issue.message,
  }));
}
