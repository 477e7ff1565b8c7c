import { GATEWAY_TOPICS, topicByName } from '@lianxin/contracts';
import { createIdempotentProducer, createKafka, ensureTopics } from '@lianxin/platform-messaging';
import { OutboxRelay } from '@lianxin/platform-persistence';
import { createLogger } from '@lianxin/platform-telemetry';
import { createGatewayApp } from './app/create-gateway-app';
import { type GatewayConfig } from './config/gateway-config';

/** Starts the HTTP app and the audit outbox relay; Nest's shutdown hooks stop them. */
export async function bootstrap(config: GatewayConfig): Promise<void> {
  const logger = createLogger('gateway', { level: config.logLevel });
  const gateway = await createGatewayApp(config, { logger });

  const kafka = createKafka({ brokers: config.kafka.brokers, clientId: config.kafka.clientId });
  const auditTopic = topicByName(GATEWAY_TOPICS.audit);
  if (auditTopic) await ensureTopics(kafka, [auditTopic]);
  const producer = await createIdempotentProducer(kafka);
  const relay = new OutboxRelay({ dataSource: gateway.deps.dataSource, producer });
  await relay.start();

  await gateway.app.listen(config.port);
  logger.info(
    { port: config.port, upstreams: config.upstreams, devIssuer: gateway.deps.devTokenIssuer !== undefined },
    'gateway listening',
  );

  // Nest's shutdown hooks (SIGTERM/SIGINT) run the module's steps: audit rows of requests already
  // answered are written first, then the relay stops and the database closes.
  gateway.deps.shutdownSteps.push(
    () => relay.stop(),
    () => producer.disconnect(),
    () => gateway.deps.dataSource.destroy(),
  );
}
