// Services are found on disk — every services/<dir>/service.json — never listed by hand, so a new
// service joins `npm start` and the journeys by adding its manifest.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const manifestSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/),
  short: z.string().regex(/^[a-z][a-z0-9_]*$/),
  port: z.number().int().min(1).max(65535),
  database: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .optional(),
  links: z.record(z.string(), z.string().startsWith('/')).optional(),
});

export type ServiceManifest = z.infer<typeof manifestSchema>;

export interface DiscoveredService extends ServiceManifest {
  /** services/<dir>, absolute. */
  dir: string;
  /** src/main.ts exists: the service can run. */
  runnable: boolean;
  hasMigrations: boolean;
  hasDemoLoader: boolean;
}

export function serviceScript(service: DiscoveredService, script: 'main' | 'migrate' | 'demo'): string {
  const relative = { main: 'src/main.ts', migrate: 'src/database/migrate.ts', demo: 'src/demo/load-demo.ts' }[
    script
  ];
  return join(service.dir, relative);
}

export function discoverServices(workspaceRoot: string): DiscoveredService[] {
  const servicesDir = join(workspaceRoot, 'services');
  if (!existsSync(servicesDir)) return [];
  const found: DiscoveredService[] = [];
  for (const entry of readdirSync(servicesDir, { withFileTypes: true })) {
    const file = join(servicesDir, entry.name, 'service.json');
    if (!entry.isDirectory() || !existsSync(file)) continue;
    const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) {
      throw new Error(
        `${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
      );
    }
    const dir = join(servicesDir, entry.name);
    const service: DiscoveredService = {
      ...parsed.data,
      dir,
      runnable: false,
      hasMigrations: false,
      hasDemoLoader: false,
    };
    service.runnable = existsSync(serviceScript(service, 'main'));
    service.hasMigrations = existsSync(serviceScript(service, 'migrate'));
    service.hasDemoLoader = existsSync(serviceScript(service, 'demo'));
    found.push(service);
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}
