import { startTelemetry } from '@lianxin/platform-telemetry';
import { loadRegistryConfig } from './config/registry-config';

const config = loadRegistryConfig();
startTelemetry({ serviceName: 'member-registry', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });

// Everything else is loaded after telemetry so its instrumentations patch http, express and pg first.
void import('./bootstrap').then(({ bootstrap }) => bootstrap(config));
