import { ConfigError } from '@lianxin/platform-config';
import { loadGatewayConfig } from './gateway-config';

const base = {
  DATABASE_URL: 'postgres://gateway_app:x@127.0.0.1:5432/lianxin_gateway',
  KAFKA_BROKERS: '127.0.0.1:19092',
  AUTH_ISSUER: 'lianxin-dev',
  AUTH_PUBLIC_KEY_PEM: '-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----',
};

describe('gateway config', () => {
  it('builds upstreams, CORS origins and defaults from the environment', () => {
    const config = loadGatewayConfig(
      {
        ...base,
        UPSTREAM_REGISTRY_URL: 'http://127.0.0.1:3101/',
        CORS_ORIGINS: 'https://a.example, https://b.example',
      },
      'throw',
    );
    expect(config.upstreams).toEqual({ registry: 'http://127.0.0.1:3101' });
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.port).toBe(3000);
    expect(config.auth.devIssuer).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('sends no Server-Timing unless SERVER_TIMING asks for it', () => {
    expect(loadGatewayConfig(base, 'throw').serverTiming).toBe(false);
    expect(loadGatewayConfig({ ...base, SERVER_TIMING: '1' }, 'throw').serverTiming).toBe(true);
    expect(() => loadGatewayConfig({ ...base, SERVER_TIMING: 'yes' }, 'throw')).toThrow(/SERVER_TIMING/);
  });

  it('refuses the development issuer key in production, naming the variable', () => {
    expect(() =>
      loadGatewayConfig({ ...base, NODE_ENV: 'production', AUTH_PRIVATE_KEY_PEM: 'pem' }, 'throw'),
    ).toThrow(/AUTH_PRIVATE_KEY_PEM/);
  });

  it('lists every missing variable', () => {
    try {
      loadGatewayConfig({}, 'throw');
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect(String((error as Error).message)).toMatch(
        /DATABASE_URL[\s\S]*KAFKA_BROKERS|KAFKA_BROKERS[\s\S]*DATABASE_URL/,
      );
    }
  });
});
