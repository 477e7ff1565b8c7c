import { Inject, Injectable } from '@nestjs/common';
import { inTransaction, type TransactionContext } from '@lianxin/platform-persistence';
import { DataSource } from 'typeorm';

export const PAIRING_DATA_SOURCE = Symbol('PAIRING_DATA_SOURCE');

/** Every use case runs in one transaction with the caller's RLS scope set first. */
@Injectable()
export class PairingDatabase {
  constructor(@Inject(PAIRING_DATA_SOURCE) readonly dataSource: DataSource) {}

  run<T>(scope: string, work: (tx: TransactionContext) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, scope, work);
  }
}
