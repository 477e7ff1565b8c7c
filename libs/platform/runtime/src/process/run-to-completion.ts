// Runs a one-shot child (migrations, demo loader) and fails with its last output lines when it exits
// non-zero, so the launcher's error says what went wrong without scrolling.
import { childExited, spawnLogged, type SpawnLoggedOptions } from './spawn-logged';

export async function runToCompletion(options: SpawnLoggedOptions): Promise<void> {
  const recent: string[] = [];
  const child = spawnLogged({
    ...options,
    log: (line) => {
      recent.push(line);
      if (recent.length > 15) recent.shift();
      options.log(line);
    },
  });
  const failed = new Promise<Error>((resolve) => child.once('error', resolve));
  const outcome = await Promise.race([childExited(child).then(() => null), failed]);
  if (outcome instanceof Error) throw new Error(`${options.name}: could not start: ${outcome.message}`);
  if (child.exitCode !== 0) {
    throw new Error(
      `${options.name} exited with ${child.exitCode ?? child.signalCode ?? 'unknown'}:\n  ${recent.join('\n  ')}`,
    );
  }
}
