import { type DevSecrets } from './dev-secrets';
import { type DiscoveredService } from './discover-services';
import { serviceEnv } from './service-env';

function service(name: string, short: string, port: number): DiscoveredService {
  return {
    name,
    short,
    port,
    dir: `/ws/services/${name}`,
    runnable: true,
    hasMigrations: true,
    hasDemoLoader: false,
  };
}

const secrets: DevSecrets = {
  issuerPrivateKeyPem: 'PRIVATE',
  issuerPublicKeyPem: 'PUBLIC',
  piiEncryptionKey: 'KEY',
};
const gateway = service('gateway', 'gateway', 3000);
const registry = service('member-registry', 'registry', 3101);
const pairing = service('pairing-visits', 'pairing', 3102);
const ports = new Map([
  [gateway, 41000],
  [registry, 41001],
  [pairing, 41002],
]);

function envFor(target: DiscoveredService): NodeJS.ProcessEnv {
  return serviceEnv({
    base: { PATH: '/usr/bin' },
    service: target,
    port: ports.get(target) ?? 0,
    database: { appUrl: 'postgres://app', ownerUrl: 'postgres://owner' },
    kafkaBrokers: '127.0.0.1:19092',
    secrets,
    logLevel: 'warn',
    ports,
  });
}

describe('serviceEnv', () => {
  it('gives a service the common variables, with the app role as DATABASE_URL and no signing key', () => {
    expect(envFor(registry)).toEqual({
      PATH: '/usr/bin',
      NODE_ENV: 'development',
      PORT: '41001',
      DATABASE_URL: 'postgres://app',
      DATABASE_MIGRATION_URL: 'postgres://owner',
      KAFKA_BROKERS: '127.0.0.1:19092',
      KAFKA_CLIENT_ID: 'member-registry',
      AUTH_ISSUER: 'lianxin-dev',
      AUTH_AUDIENCE: 'lianxin',
      AUTH_PUBLIC_KEY_PEM: 'PUBLIC',
      PII_ENCRYPTION_KEY: 'KEY',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'true',
      MEMBER_CARD_BASE_URL: 'http://127.0.0.1:41000/public/member-cards/',
    });
  });

  it('points member cards at the local gateway only when nothing else is configured', () => {
    expect(envFor(pairing)['MEMBER_CARD_BASE_URL']).toBeUndefined();
    const configured = serviceEnv({
      base: { MEMBER_CARD_BASE_URL: 'https://cards.example/' },
      service: registry,
      port: 41001,
      kafkaBrokers: '127.0.0.1:19092',
      secrets,
      logLevel: 'warn',
      ports,
    });
    expect(configured['MEMBER_CARD_BASE_URL']).toBe('https://cards.example/');
  });

  it('gives the gateway the issuer private key and an upstream URL per other service, on the ports in use', () => {
    const env = envFor(gateway);
    expect(env['AUTH_PRIVATE_KEY_PEM']).toBe('PRIVATE');
    expect(env['UPSTREAM_REGISTRY_URL']).toBe('http://127.0.0.1:41001');
    expect(env['UPSTREAM_PAIRING_URL']).toBe('http://127.0.0.1:41002');
    expect(env['UPSTREAM_GATEWAY_URL']).toBeUndefined();
  });
});
