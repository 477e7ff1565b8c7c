import { startInMemoryTelemetry } from '@lianxin/platform-telemetry';

/**
 * The journey's telemetry, started when this module loads. The spec imports it before anything
 * else, as a service's main.ts imports its telemetry.ts first, so the telemetry library's late-start
 * check finds express, pg and Nest not yet loaded. Shut it down in the spec's afterAll.
 */
export const journeyTelemetry = startInMemoryTelemetry('observability-journey');
