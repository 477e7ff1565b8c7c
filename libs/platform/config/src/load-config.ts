import { type z } from 'zod';
import { ConfigError, type ConfigIssue } from './config-error';

/** Any schema whose output is an object of settings (a z.object, possibly refined or transformed). */
export type ConfigSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

export type EnvSource = Readonly<Record<string, string | undefined>>;

export interface LoadConfigOptions {
  /**
   * 'exit' (default): print the list of bad variables to stderr and exit the process with 1 —
   * what a service wants at boot. 'throw': raise ConfigError — what tests and tools want.
   */
  onError?: 'exit' | 'throw';
}

/**
 * Validates the environment against a service's schema and returns a frozen, typed object.
 * Variables the schema does not mention are ignored (the environment carries plenty of those).
 */
export function parseConfig<TSchema extends ConfigSchema>(
  schema: TSchema,
  env: EnvSource,
): Readonly<z.output<TSchema>> {
  // Empty strings count as unset: `FOO=` in a .env file or a Helm value left blank means "not given".
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = schema.safeParse(cleaned);
  if (!result.success) throw new ConfigError(toIssues(result.error));
  return Object.freeze(result.data) as Readonly<z.output<TSchema>>;
}

export function loadConfig<TSchema extends ConfigSchema>(
  schema: TSchema,
  env: EnvSource = process.env,
  options: LoadConfigOptions = {},
): Readonly<z.output<TSchema>> {
  try {
    return parseConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError) || options.onError === 'throw') throw error;
    process.stderr.write(`${error.message}\n`);
    return process.exit(1);
  }
}

function toIssues(error: z.ZodError): ConfigIssue[] {
  const byVariable = new Map<string, string[]>();
  for (const issue of error.issues) {
    const variable = issue.path.length > 0 ? String(issue.path[0]) : '(configuration)';
    // Zod reports a missing key as "expected string, received undefined"; say it plainly.
    const message =
      issue.code === 'invalid_type' && /received undefined/.test(issue.message)
        ? 'is required'
        : issue.message;
    byVariable.set(variable, [...(byVariable.get(variable) ?? []), message]);
  }
  return [...byVariable.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([variable, messages]) => ({ variable, message: messages.join('; ') }));
}
