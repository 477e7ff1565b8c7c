// Validated environment per service. The only library that reads process.env (services read it
// only through loadConfig in their own src/config/).
export { ConfigError, type ConfigIssue } from './config-error';
export {
  loadConfig,
  parseConfig,
  type ConfigSchema,
  type EnvSource,
  type LoadConfigOptions,
} from './load-config';
export {
  base64Key32,
  booleanFlag,
  commonEnv,
  kafkaBrokers,
  logLevel,
  migrationUrl,
  port,
  requireAuthKeySource,
} from './common-env';
