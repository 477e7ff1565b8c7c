/**
 * Instrumentation only patches modules loaded after it starts. SWC and TypeScript's ES-module
 * semantics hoist every `import` above the first statement of a file, so calling `startTelemetry`
 * "first" in main.ts is not enough: it has to live in its own module imported first. This finds
 * the modules that were loaded too early, to warn about silently missing spans.
 */
const instrumentedPackages = ['express', 'pg', '@nestjs/core'];

export function modulesLoadedBeforeTelemetry(loadedPaths: readonly string[]): string[] {
  return instrumentedPackages.filter((name) =>
    loadedPaths.some((path) => path.includes(`/node_modules/${name}/`)),
  );
}
