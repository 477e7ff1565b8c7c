/** One environment variable that is missing or invalid. */
export interface ConfigIssue {
  readonly variable: string;
  readonly message: string;
}

/**
 * Every bad variable at once: an operator fixing a deployment should see the whole list in one
 * run, not one variable per crash loop.
 */
export class ConfigError extends Error {
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(
      `Invalid configuration:\n${issues.map((issue) => `  - ${issue.variable}: ${issue.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}
