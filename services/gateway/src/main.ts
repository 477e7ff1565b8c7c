import { startTelemetry } from '@lianxin/platform-telemetry';
import { loadGatewayConfig } from './config/gateway-config';

const config = loadGatewayConfig();
startTelemetry({ serviceName: 'gateway', otlpEndpoint: config.otlpEndpoint });

// Everything else is loaded after telemetry, so its instrumentations patch http, express and pg
// before those modules are first required (static imports would be hoisted above this line).
import('./bootstrap')
  .then(({ bootstrap }) => bootstrap(config))
  .catch((error: unknown) => {
    process.stderr.write(
      `gateway failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
