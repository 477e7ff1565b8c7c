import { startTelemetry } from '@lianxin/platform-telemetry';
import { loadPairingConfig } from './config/pairing-config';

const config = loadPairingConfig();
startTelemetry({ serviceName: 'pairing-visits', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });

// Everything else loads after telemetry so its instrumentations patch http, express and pg first.
void import('./bootstrap')
  .then(({ bootstrap }) => bootstrap(config))
  .catch((error: unknown) => {
    process.stderr.write(
      `pairing-visits failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
