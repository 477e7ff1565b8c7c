// The environment each service process gets (docs/CONVENTIONS.md "Common env variables"). The
// gateway also gets the issuer's private key and one UPSTREAM_<SHORT>_URL per other service; the
// registry gets a member-card base URL on the local gateway, so a demo card's QR URL resolves.
import { type DevSecrets } from './dev-secrets';
import { type DiscoveredService } from './discover-services';

export const DEV_AUTH_ISSUER = 'lianxin-dev';
export const DEV_AUTH_AUDIENCE = 'lianxin';
const GATEWAY = 'gateway';
const REGISTRY = 'member-registry';

export interface ServiceEnvInput {
  base: NodeJS.ProcessEnv;
  service: DiscoveredService;
  port: number;
  database?: { appUrl: string; ownerUrl: string };
  kafkaBrokers: string;
  secrets: DevSecrets;
  logLevel: string;
  /** Every discovered service with the port it gets, for the gateway's upstreams. */
  ports: ReadonlyMap<DiscoveredService, number>;
}

export function serviceEnv(input: ServiceEnvInput): NodeJS.ProcessEnv {
  const { service, secrets } = input;
  const env: NodeJS.ProcessEnv = {
    ...input.base,
    NODE_ENV: 'development',
    PORT: String(input.port),
    KAFKA_BROKERS: input.kafkaBrokers,
    KAFKA_CLIENT_ID: service.name,
    AUTH_ISSUER: DEV_AUTH_ISSUER,
    AUTH_AUDIENCE: DEV_AUTH_AUDIENCE,
    AUTH_PUBLIC_KEY_PEM: secrets.issuerPublicKeyPem,
    PII_ENCRYPTION_KEY: secrets.piiEncryptionKey,
    LOG_LEVEL: input.logLevel,
    DEMO_DATA: 'true',
  };
  if (input.database) {
    env['DATABASE_URL'] = input.database.appUrl;
    env['DATABASE_MIGRATION_URL'] = input.database.ownerUrl;
  }
  if (service.name === GATEWAY) {
    env['AUTH_PRIVATE_KEY_PEM'] = secrets.issuerPrivateKeyPem;
    for (const [other, port] of input.ports) {
      if (other.name !== GATEWAY)
        env[`UPSTREAM_${other.short.toUpperCase()}_URL`] = `http://127.0.0.1:${port}`;
    }
  }
  const gatewayPort = [...input.ports].find(([other]) => other.name === GATEWAY)?.[1];
  if (service.name === REGISTRY && gatewayPort !== undefined && !input.base['MEMBER_CARD_BASE_URL'])
    env['MEMBER_CARD_BASE_URL'] = `http://127.0.0.1:${gatewayPort}/public/member-cards/`;
  return env;
}
