import { REGISTRY_SOURCE, TOPICS } from '@lianxin/contracts';
import {
  createHttpApp,
  kafkaReadiness,
  PostgresIdempotencyStore,
  postgresReadiness,
} from '@lianxin/platform-http';
import { createIdempotentProducer, createKafka, ensureTopics } from '@lianxin/platform-messaging';
import { createDataSource, OutboxRelay } from '@lianxin/platform-persistence';
import { createLogger } from '@lianxin/platform-telemetry';
import type { RegistryConfig } from './config/registry-config';
import { REGISTRY_ENTITIES } from './database/registry-schema';
import { RegistryAppModule } from './registry-app.module';
import { todayInShanghai } from './shared/domain/field-schemas';
import { PiiCipher } from './shared/infrastructure/pii-cipher';

/** Starts the HTTP app and the outbox relay; stops both on SIGTERM/SIGINT. */
export async function bootstrap(config: Readonly<RegistryConfig>): Promise<void> {
  const logger = createLogger('member-registry', { level: config.LOG_LEVEL });
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    name: 'member-registry',
    entities: REGISTRY_ENTITIES,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  await dataSource.initialize();
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID });
  await ensureTopics(
    kafka,
    TOPICS.filter((topic) => topic.owner === REGISTRY_SOURCE),
  );
  const producer = await createIdempotentProducer(kafka);
  const admin = kafka.admin();
  await admin.connect();
  const relay = new OutboxRelay({ dataSource, producer });
  await relay.start();

  const app = await createHttpApp(
    RegistryAppModule.forRoot({
      dataSource,
      cipher: new PiiCipher(config.PII_ENCRYPTION_KEY),
      settings: {
        objectionWindowDays: config.POST_OBJECTION_WINDOW_DAYS,
        memberCardBaseUrl: config.MEMBER_CARD_BASE_URL,
        today: () => todayInShanghai(),
      },
      verifier: {
        issuer: config.AUTH_ISSUER,
        audience: config.AUTH_AUDIENCE,
        jwksUrl: config.AUTH_JWKS_URL,
        publicKeyPem: config.AUTH_PUBLIC_KEY_PEM,
      },
    }),
    {
      serviceName: 'member-registry',
      logger,
      readinessChecks: { postgres: postgresReadiness(dataSource), kafka: kafkaReadiness(admin) },
      idempotencyStore: new PostgresIdempotencyStore(dataSource),
      bodyLimitBytes: 1024 * 1024,
    },
  );
  await app.listen(config.PORT);
  logger.info({ port: config.PORT }, 'member-registry listening');

  const stop = async (): Promise<void> => {
    await app.close();
    await relay.stop();
    await producer.disconnect();
    await admin.disconnect();
    await dataSource.destroy();
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}
