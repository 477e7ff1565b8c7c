import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverServices } from './discover-services';

function writeService(root: string, dir: string, manifest: object, files: string[] = []): void {
  mkdirSync(join(root, 'services', dir), { recursive: true });
  writeFileSync(join(root, 'services', dir, 'service.json'), JSON.stringify(manifest));
  for (const file of files) {
    mkdirSync(join(root, 'services', dir, file, '..'), { recursive: true });
    writeFileSync(join(root, 'services', dir, file), '');
  }
}

describe('discoverServices', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'lianxin-discover-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds every services/*/service.json and tells which can run, migrate and load demo data', () => {
    writeService(
      root,
      'gateway',
      { name: 'gateway', short: 'gateway', port: 3000, links: { 'Swagger UI': '/docs' } },
      ['src/main.ts'],
    );
    writeService(
      root,
      'member-registry',
      { name: 'member-registry', short: 'registry', port: 3101, database: 'lianxin_registry' },
      ['src/main.ts', 'src/database/migrate.ts', 'src/demo/load-demo.ts'],
    );
    writeService(root, 'pairing-visits', { name: 'pairing-visits', short: 'pairing', port: 3102 });
    mkdirSync(join(root, 'services', 'not-a-service'));

    const found = discoverServices(root).map(({ name, short, runnable, hasMigrations, hasDemoLoader }) => ({
      name,
      short,
      runnable,
      hasMigrations,
      hasDemoLoader,
    }));
    expect(found).toEqual([
      { name: 'gateway', short: 'gateway', runnable: true, hasMigrations: false, hasDemoLoader: false },
      {
        name: 'member-registry',
        short: 'registry',
        runnable: true,
        hasMigrations: true,
        hasDemoLoader: true,
      },
      {
        name: 'pairing-visits',
        short: 'pairing',
        runnable: false,
        hasMigrations: false,
        hasDemoLoader: false,
      },
    ]);
  });

  it('names the file and the field of an invalid manifest', () => {
    writeService(root, 'broken', { name: 'broken', short: 'Broken!', port: 3000 });
    expect(() => discoverServices(root)).toThrow(/broken\/service\.json: short:/);
  });

  it('finds nothing in a workspace without services/', () => {
    expect(discoverServices(root)).toEqual([]);
  });
});
