import { createTestDatabase, type TestDatabase } from '@lianxin/testing';
import { createDataSource } from '../data-source/create-data-source';
import { testMigrations } from '../test-support/test-projection';
import { runMigrationCli } from './migration-cli';

jest.setTimeout(60_000);

describe('runMigrationCli', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({
      short: 'cli',
      migrations: testMigrations,
      createDataSource: (input) => createDataSource({ ...input, poolSize: 1 }),
    });
  });
  afterAll(() => db.drop());

  const run = async (command: 'up' | 'down' | 'show'): Promise<{ code: number; lines: string[] }> => {
    const lines: string[] = [];
    const code = await runMigrationCli({
      url: db.ownerUrl,
      name: 'cli-spec',
      migrations: testMigrations,
      command,
      print: (line) => lines.push(line),
    });
    return { code, lines };
  };

  it('reports an up-to-date database, reverts one migration and applies it again', async () => {
    expect(await run('up')).toEqual({ code: 0, lines: ['no pending migrations'] });
    expect(await run('down')).toEqual({ code: 0, lines: ['reverted the last migration'] });
    expect(await run('show')).toEqual({ code: 0, lines: ['there are pending migrations'] });
    expect(await run('up')).toEqual({ code: 0, lines: ['applied: OutboxWakeCheckOnce1735689600200'] });
  });

  it('exits non-zero with the reason when the database refuses', async () => {
    const lines: string[] = [];
    const code = await runMigrationCli({
      url: db.ownerUrl.replace(/:[^:@/]+@/, ':wrong-password@'),
      name: 'cli-spec',
      migrations: testMigrations,
      command: 'up',
      print: (line) => lines.push(line),
    });
    expect(code).toBe(1);
    expect(lines.join('\n')).toMatch(/migration up failed: .*password authentication failed/);
  });
});
