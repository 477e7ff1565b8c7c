import { type DataSource } from 'typeorm';
import { createDataSource, type CreateDataSourceOptions } from '../data-source/create-data-source';
import { revertLastMigration, runMigrations } from './run-migrations';

export type MigrationCommand = 'up' | 'down' | 'show';

export interface MigrationCliOptions extends Omit<CreateDataSourceOptions, 'poolSize'> {
  /** Default: the first CLI argument (`up`, `down`, `show`), else `up`. */
  command?: MigrationCommand;
  /** Where progress goes. Default stdout. */
  print?: (line: string) => void;
}

/**
 * Body of every service's `src/database/migrate.ts`: connects with the owner URL, runs the
 * command, and resolves to an exit code (the caller passes it to process.exit so a failed
 * migration fails the Helm hook Job).
 */
export async function runMigrationCli(options: MigrationCliOptions): Promise<number> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  let command: MigrationCommand;
  try {
    command = options.command ?? parseCommand(process.argv[2]);
  } catch (error) {
    print(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const dataSource = createDataSource({ ...options, poolSize: 1 });
  try {
    await dataSource.initialize();
    await execute(dataSource, command, print);
    return 0;
  } catch (error) {
    print(`migration ${command} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

async function execute(
  dataSource: DataSource,
  command: MigrationCommand,
  print: (line: string) => void,
): Promise<void> {
  switch (command) {
    case 'up': {
      const applied = await runMigrations(dataSource);
      print(applied.length === 0 ? 'no pending migrations' : `applied: ${applied.join(', ')}`);
      return;
    }
    case 'down':
      print((await revertLastMigration(dataSource)) ? 'reverted the last migration' : 'nothing to revert');
      return;
    case 'show': {
      const pending = await dataSource.showMigrations();
      print(pending ? 'there are pending migrations' : 'up to date');
      return;
    }
  }
}

function parseCommand(argument: string | undefined): MigrationCommand {
  if (argument === undefined || argument === 'up') return 'up';
  if (argument === 'down' || argument === 'show') return argument;
  throw new Error(`unknown migration command "${argument}" (use up, down or show)`);
}
