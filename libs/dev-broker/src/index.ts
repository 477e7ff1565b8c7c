export { startBroker, type RunningBroker } from './broker';
export { type BrokerOptions } from './broker-options';
export { type BrokerLogger, type LogLevel, createConsoleLogger } from './logger';
export { type FsyncPolicy } from './storage/sync-policy';
export { SUPPORTED_APIS } from './protocol/api-keys';
