import { type ClientBase } from 'pg';
import { type DataSource } from 'typeorm';
import { type PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { OUTBOX_CHANNEL } from '../outbox/outbox-inbox.migration';

/**
 * LISTENs for the outbox insert trigger on one pooled connection held for the relay's lifetime.
 * Notifications only shorten the wait; a lost connection just means the relay polls until the
 * next reconnect, so errors here are never fatal.
 */
export class OutboxNotifications {
  private client: ClientBase | undefined;
  private release: ((error?: Error) => void) | undefined;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly onNotify: () => void,
    private readonly retryMs: number,
  ) {}

  async open(): Promise<void> {
    if (this.closed) return;
    try {
      const driver = this.dataSource.driver as PostgresDriver;
      const [client, release] = (await driver.obtainMasterConnection()) as [
        ClientBase,
        (error?: Error) => void,
      ];
      this.client = client;
      this.release = release;
      client.on('notification', this.handleNotification);
      client.on('error', this.handleError);
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      this.handleError(error instanceof Error ? error : new Error(String(error)));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    const release = this.release;
    if (!client || !release) return;
    let failure: Error | undefined;
    try {
      await client.query(`UNLISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
    this.detach();
    release(failure);
  }

  private readonly handleNotification = (): void => this.onNotify();

  private readonly handleError = (error: Error): void => {
    if (this.client) {
      this.detach();
      // Passing the error makes the pool discard the broken connection instead of reusing it.
      this.release?.(error);
    }
    if (this.closed) return;
    this.reconnectTimer = setTimeout(() => void this.open(), this.retryMs);
    this.reconnectTimer.unref();
  };

  private detach(): void {
    this.client?.off('notification', this.handleNotification);
    this.client?.off('error', this.handleError);
    this.client = undefined;
  }
}
