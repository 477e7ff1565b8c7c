import { z } from 'zod';
import { commonEnv, ConfigError, loadConfig, migrationUrl, parseConfig, requireAuthKeySource } from './index';

const schema = z.object({
  PORT: commonEnv.PORT,
  DATABASE_URL: commonEnv.DATABASE_URL,
  DATABASE_MIGRATION_URL: commonEnv.DATABASE_MIGRATION_URL,
  KAFKA_BROKERS: commonEnv.KAFKA_BROKERS,
  KAFKA_CLIENT_ID: commonEnv.KAFKA_CLIENT_ID,
  LOG_LEVEL: commonEnv.LOG_LEVEL,
  PII_ENCRYPTION_KEY: commonEnv.PII_ENCRYPTION_KEY,
  DEMO_DATA: commonEnv.DEMO_DATA,
});

const valid = {
  PORT: '3101',
  DATABASE_URL: 'postgres://registry_app:pw@127.0.0.1:5432/lianxin_registry',
  KAFKA_BROKERS: '127.0.0.1:9092, kafka-1:9092',
  KAFKA_CLIENT_ID: 'member-registry',
  PII_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};

function issuesOf(env: Record<string, string | undefined>): Record<string, string> {
  try {
    parseConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigError)
      return Object.fromEntries(error.issues.map((issue) => [issue.variable, issue.message]));
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('returns a frozen, typed object with defaults and conversions applied', () => {
    const config = parseConfig(schema, { ...valid, DEMO_DATA: 'false', UNRELATED: 'x' });
    expect(config.PORT).toBe(3101);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', 'kafka-1:9092']);
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.DEMO_DATA).toBe(false);
    expect(config.PII_ENCRYPTION_KEY).toHaveLength(32);
    expect(Object.isFrozen(config)).toBe(true);
    expect(config).not.toHaveProperty('UNRELATED');
    expect(migrationUrl(config)).toBe(valid.DATABASE_URL);
  });

  it('names every missing and invalid variable, not just the first', () => {
    const issues = issuesOf({
      PORT: 'seventy',
      KAFKA_BROKERS: 'no-port-here',
      PII_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64'),
      DEMO_DATA: 'maybe',
    });
    expect(Object.keys(issues).sort()).toEqual(
      ['DATABASE_URL', 'DEMO_DATA', 'KAFKA_BROKERS', 'KAFKA_CLIENT_ID', 'PII_ENCRYPTION_KEY', 'PORT'].sort(),
    );
    expect(issues['DATABASE_URL']).toBe('is required');
    expect(issues['PII_ENCRYPTION_KEY']).toMatch(/32 bytes/);
    expect(issues['KAFKA_BROKERS']).toMatch(/host:port/);
  });

  it('treats an empty string as unset', () => {
    expect(issuesOf({ ...valid, DATABASE_URL: '' })).toEqual({ DATABASE_URL: 'is required' });
  });

  it('rejects a non-postgres database URL', () => {
    expect(Object.keys(issuesOf({ ...valid, DATABASE_URL: 'mysql://x/y' }))).toEqual(['DATABASE_URL']);
  });

  it('requires one of the two auth key sources', () => {
    const auth = z
      .object({
        AUTH_ISSUER: commonEnv.AUTH_ISSUER,
        AUTH_JWKS_URL: commonEnv.AUTH_JWKS_URL,
        AUTH_PUBLIC_KEY_PEM: commonEnv.AUTH_PUBLIC_KEY_PEM,
      })
      .superRefine(requireAuthKeySource);
    expect(() => parseConfig(auth, { AUTH_ISSUER: 'lianxin' })).toThrow(
      /AUTH_JWKS_URL: set AUTH_JWKS_URL or AUTH_PUBLIC_KEY_PEM/,
    );
    expect(
      parseConfig(auth, { AUTH_ISSUER: 'lianxin', AUTH_JWKS_URL: 'https://idp/jwks' }).AUTH_JWKS_URL,
    ).toBe('https://idp/jwks');
  });

  it('prints the list and exits 1 by default, throws when asked', () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation(() => {
      throw new Error('exited');
    });
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(() => loadConfig(schema, {})).toThrow('exited');
      expect(exit).toHaveBeenCalledWith(1);
      expect(String(stderr.mock.calls[0]?.[0])).toContain('KAFKA_CLIENT_ID: is required');
      expect(() => loadConfig(schema, {}, { onError: 'throw' })).toThrow(ConfigError);
    } finally {
      exit.mockRestore();
      stderr.mockRestore();
    }
  });
});
