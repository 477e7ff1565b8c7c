// Errors the launcher and the test harness show to a person as one line: each says what is wrong
// and what to do, so nobody has to read a stack trace to find a busy port or a second launcher.

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly component: string,
    hint = 'stop the process using it or choose another port',
  ) {
    super(`Port ${port} (${component}) is already in use — ${hint}`);
    this.name = 'PortInUseError';
  }
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `${dataDir} is in use by a running process (pid ${ownerPid}) — stop it or use another data directory`,
    );
    this.name = 'DataDirInUseError';
  }
}

export class PostgresStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PostgresStartError';
  }
}

export class PlatformRunningError extends Error {
  constructor(
    readonly ownerPid: number,
    readonly dataDir: string,
  ) {
    super(
      `Lianxin is already running (pid ${ownerPid}) with data in ${dataDir} — stop it or use another --data dir`,
    );
    this.name = 'PlatformRunningError';
  }
}
