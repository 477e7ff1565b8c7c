// Child process of `npm run bench:gateway`: the gateway app as main.ts builds it (config from the
// environment, real Postgres for readiness and audit), minus the Kafka relay (GETs publish nothing).
// BENCH_GATEWAY_TELEMETRY=1 starts OpenTelemetry first, as main.ts does (http, express, pg and
// NestJS instrumentation, no exporter): the cost of one recording SERVER span per request.
import { createLogger, startTelemetry } from '@lianxin/platform-telemetry';

void (async () => {
  if (process.env['BENCH_GATEWAY_TELEMETRY'] === '1') startTelemetry({ serviceName: 'gateway' });
  // Loaded after telemetry, so its instrumentations can patch http and express (as in main.ts).
  const { createGatewayApp } = await import('../src/app/create-gateway-app');
  const { loadGatewayConfig } = await import('../src/config/gateway-config');
  const config = loadGatewayConfig(process.env);
  const gateway = await createGatewayApp(config, {
    logger: createLogger('gateway', { level: config.logLevel }),
  });
  await gateway.app.listen(config.port, '127.0.0.1');
  process.stdout.write(`READY http://127.0.0.1:${config.port}\n`);
  process.on('SIGTERM', () => void gateway.close().then(() => process.exit(0)));
})();
