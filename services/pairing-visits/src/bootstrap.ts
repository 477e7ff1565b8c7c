import { CachingTokenVerifier, createTokenVerifier } from '@lianxin/auth';
import { PAIRING_SOURCE, TOPICS } from '@lianxin/contracts';
import {
  createHttpApp,
  kafkaReadiness,
  PostgresIdempotencyStore,
  postgresReadiness,
} from '@lianxin/platform-http';
import { createIdempotentProducer, createKafka, ensureTopics } from '@lianxin/platform-messaging';
import { createDataSource, OutboxRelay } from '@lianxin/platform-persistence';
import { createLogger } from '@lianxin/platform-telemetry';
import { type PairingConfig } from './config/pairing-config';
import { PAIRING_ENTITIES } from './database/entities';
import { PairingAppModule } from './pairing-app.module';
import { registryTopics, RegistryEventsConsumer } from './projections/api/registry-events.consumer';
import { DiaryWriteLane } from './visits/api/diary-write-lane';

/** Same tolerance for `exp`/`nbf` in the verifier and in the cache of verified tokens. */
const TOKEN_CLOCK_TOLERANCE_SEC = 30;

/** Starts the HTTP app, the outbox relay and the registry consumer; stops them on SIGTERM/SIGINT. */
export async function bootstrap(config: PairingConfig): Promise<void> {
  const logger = createLogger('pairing-visits', { level: config.LOG_LEVEL });
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    name: 'pairing-visits',
    entities: PAIRING_ENTITIES,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  await dataSource.initialize();
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID });
  // Our own topics, and the registry's (so the consumer can join before the registry first publishes).
  await ensureTopics(kafka, [
    ...TOPICS.filter((topic) => topic.owner === PAIRING_SOURCE),
    ...registryTopics(),
  ]);
  const producer = await createIdempotentProducer(kafka);
  const admin = kafka.admin();
  await admin.connect();
  const relay = new OutboxRelay({
    dataSource,
    producer,
    batchSize: config.OUTBOX_BATCH_SIZE,
    pollMs: config.OUTBOX_POLL_MS,
    lingerMs: config.OUTBOX_LINGER_MS,
  });
  await relay.start();
  const consumer = new RegistryEventsConsumer(dataSource);
  await consumer.start(kafka);

  const app = await createHttpApp(
    PairingAppModule.forRoot({
      dataSource,
      spotCheckDefaultShare: config.SPOT_CHECK_DEFAULT_SHARE,
      // Every request is still authenticated here (never trust the network); a token whose
      // signature already verified is answered from memory within its own nbf/exp window and for
      // at most a minute, instead of one RSA verification per request.
      verifier: new CachingTokenVerifier(
        createTokenVerifier({
          issuer: config.AUTH_ISSUER,
          audience: config.AUTH_AUDIENCE,
          jwksUrl: config.AUTH_JWKS_URL,
          publicKeyPem: config.AUTH_PUBLIC_KEY_PEM,
          clockToleranceSec: TOKEN_CLOCK_TOLERANCE_SEC,
        }),
        { clockToleranceSec: TOKEN_CLOCK_TOLERANCE_SEC, maxEntries: 10_000, maxAgeMs: 60_000 },
      ),
    }),
    {
      serviceName: 'pairing-visits',
      logger,
      readinessChecks: { postgres: postgresReadiness(dataSource), kafka: kafkaReadiness(admin) },
      idempotencyStore: new PostgresIdempotencyStore(dataSource),
      preRouter: { fromApp: (app, platform) => DiaryWriteLane.fromApp(app, platform) },
    },
  );
  await app.listen(config.PORT);
  logger.info({ port: config.PORT }, 'pairing-visits listening');

  const stop = async (): Promise<void> => {
    await app.close();
    await consumer.stop();
    await relay.stop();
    await producer.disconnect();
    await admin.disconnect();
    await dataSource.destroy();
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}
