import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import type * as pg from 'pg';

/**
 * Applies OpenTelemetry's own `pg` instrumentation to the `pg` module Jest loaded, and returns a
 * function that removes it again.
 *
 * Why: instrumentations patch modules through Node's require hook, and Jest loads modules through
 * its own registry, which never passes through that hook. Under Jest the PgInstrumentation that
 * `startTelemetry` registers therefore never sees `pg` and records no database spans (the
 * telemetry README says as much). Calling the instrumentation's own patch on the very module
 * instance TypeORM uses in this test file gives the spans a service records in production: same
 * span names, same attributes (`db.system.name`, `db.namespace`, `db.query.text`), same parents.
 *
 * Call it after telemetry started (the instrumentation takes its tracer from the global provider).
 */
export function instrumentJestLoadedPg(pgModule: typeof pg): () => void {
  // Disabled: its require hook is useless here, and enabling it would register a second one.
  const instrumentation = new PgInstrumentation({ enabled: false });
  const definition = instrumentation.getModuleDefinitions().find((candidate) => candidate.name === 'pg');
  const { patch, unpatch } = definition ?? {};
  if (!patch || !unpatch) {
    throw new Error('@opentelemetry/instrumentation-pg no longer defines a patch for the "pg" module');
  }
  patch(pgModule);
  return () => unpatch(pgModule);
}
