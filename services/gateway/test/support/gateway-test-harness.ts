import { generateKeyPairSync } from 'node:crypto';
import { type Server } from 'node:http';
import { createDataSource } from '@lianxin/platform-persistence';
import { createTestDatabase, type TestDatabase } from '@lianxin/testing';
import { createLogger } from '@lianxin/platform-telemetry';
import { AuditEntryOrmEntity } from '../../src/audit/infrastructure/audit-entry.orm-entity';
import {
  createGatewayApp,
  type GatewayApp,
  type GatewayAppOverrides,
} from '../../src/app/create-gateway-app';
import { toGatewayConfig } from '../../src/config/gateway-config';
import { gatewayConfigSchema } from '../../src/config/gateway-config.schema';
import { GATEWAY_MIGRATIONS } from '../../src/database/migrations/gateway-migrations';
import { startScopedUpstream, type ScopedUpstream } from './scoped-upstream';

export const TEST_ISSUER = 'lianxin-dev';
export const TEST_AUDIENCE = 'lianxin';

export interface TestKeys {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
}

export function generateTestKeys(): TestKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export interface GatewayUnderTest {
  readonly gateway: GatewayApp;
  readonly server: Server;
  readonly db: TestDatabase;
  readonly keys: TestKeys;
  readonly upstreams: { readonly registry: ScopedUpstream; readonly pairing: ScopedUpstream };
  /** A dev-issued token for a demo account (`taoyuan.district-admin`…). */
  token(username: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The gateway as `npm start` runs it — real Postgres (harness), dev issuer, real HTTP upstreams
 * that enforce scope like the services — with test-friendly limits unless overridden.
 */
export async function startGatewayUnderTest(
  env: Record<string, string> = {},
  overrides: Pick<GatewayAppOverrides, 'routeTable'> = {},
): Promise<GatewayUnderTest> {
  const keys = generateTestKeys();
  const db = await createTestDatabase({
    short: 'gateway',
    migrations: GATEWAY_MIGRATIONS,
    createDataSource: ({ url, name, migrations }) =>
      createDataSource({ url, name, entities: [AuditEntryOrmEntity], migrations, poolSize: 4 }),
  });
  const verifierOptions = { issuer: TEST_ISSUER, audience: TEST_AUDIENCE, publicKeyPem: keys.publicKeyPem };
  const [registry, pairing] = await Promise.all([
    startScopedUpstream('registry', verifierOptions),
    startScopedUpstream('pairing', verifierOptions),
  ]);
  const config = toGatewayConfig(
    gatewayConfigSchema.parse({
      NODE_ENV: 'test',
      PORT: '3000',
      DATABASE_URL: db.appUrl,
      KAFKA_BROKERS: '127.0.0.1:9',
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_AUDIENCE,
      AUTH_PUBLIC_KEY_PEM: keys.publicKeyPem,
      AUTH_PRIVATE_KEY_PEM: keys.privateKeyPem,
      UPSTREAM_REGISTRY_URL: registry.origin,
      UPSTREAM_PAIRING_URL: pairing.origin,
      RATE_LIMIT_PER_TOKEN: '100000',
      RATE_LIMIT_PUBLIC_PER_IP: '100000',
      RATE_LIMIT_TOKEN_ISSUE_PER_IP: '100000',
      CORS_ORIGINS: 'https://admin.lianxin.example',
      ...env,
    }),
  );
  const gateway = await createGatewayApp(config, {
    dataSource: db.dataSource,
    logger: createLogger('gateway-test', { level: 'silent' }),
    ...overrides,
  });
  await gateway.app.listen(0, '127.0.0.1');
  const server = gateway.app.getHttpServer() as Server;
  const tokens = new Map<string, string>();

  return {
    gateway,
    server,
    db,
    keys,
    upstreams: { registry, pairing },
    async token(username) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const issuer = gateway.deps.devTokenIssuer;
      if (!issuer) throw new Error('dev issuer is off');
      const { response } = await issuer.issue({ username, password: 'lianxin-demo' });
      tokens.set(username, response.accessToken);
      return response.accessToken;
    },
    async close() {
      await gateway.close();
      await Promise.all([registry.close(), pairing.close()]);
      await db.drop();
    },
  };
}
