// What the launcher under test passes on to the processes it starts: this test process's
// environment, as `npm start` passes its own (the runtime itself never reads process.env).
export function launcherEnv(): NodeJS.ProcessEnv {
  return process.env;
}
