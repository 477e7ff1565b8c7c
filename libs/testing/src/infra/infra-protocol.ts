// What the run's coordinator (in the Jest main process) and the test workers say to each other.
/** Set by the global setup for the workers: base URL of the coordinator. */

export interface PostgresInfo {
  adminDatabaseUrl: string;
}

export interface BrokerInfo {
  /** host:port entries, ready for kafkajs `brokers` and KAFKA_BROKERS. */
  kafkaBrokers: string[];
}

export interface CoordinatorError {
  error: string;
}
