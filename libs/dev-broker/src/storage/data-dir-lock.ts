import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * `<dataDir>/broker.lock` holds the pid of the broker using the directory. Two brokers appending
 * to the same segments would corrupt them, so a second start fails while the owner is alive; a
 * lock left by a killed broker (its pid is gone) is taken over.
 */
export class DataDirLock {
  private constructor(private readonly file: string) {}

  static acquire(dataDir: string): DataDirLock {
    const file = path.join(dataDir, 'broker.lock');
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
        return new DataDirLock(file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const owner = Number(fs.readFileSync(file, 'utf8').trim());
        if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
          throw new Error(`dev-broker: data directory ${dataDir} is in use by process ${owner}`);
        }
        fs.rmSync(file, { force: true });
      }
    }
    throw new Error(`dev-broker: could not lock ${dataDir}`);
  }

  release(): void {
    fs.rmSync(this.file, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
