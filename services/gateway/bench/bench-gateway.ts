// Child process of `npm run bench:gateway`: the gateway app as main.ts builds it (config from the
// environment, real Postgres for readiness and audit), minus the Kafka relay (GETs publish nothing).
import { createLogger } from '@lianxin/platform-telemetry';
import { createGatewayApp } from '../src/app/create-gateway-app';
import { loadGatewayConfig } from '../src/config/gateway-config';

void (async () => {
  const config = loadGatewayConfig(process.env);
  const gateway = await createGatewayApp(config, {
    logger: createLogger('gateway', { level: config.logLevel }),
  });
  await gateway.app.listen(config.port, '127.0.0.1');
  process.stdout.write(`READY http://127.0.0.1:${config.port}\n`);
  process.on('SIGTERM', () => void gateway.close().then(() => process.exit(0)));
})();
