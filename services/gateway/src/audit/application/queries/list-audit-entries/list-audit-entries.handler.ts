import { type DataSource } from 'typeorm';
import { ValidationError } from '@lianxin/platform-http';
import { inTransaction } from '@lianxin/platform-persistence';
import { AuditEntryOrmEntity } from '../../../infrastructure/audit-entry.orm-entity';
import {
  type AuditEntryDto,
  type AuditEntryPage,
  type ListAuditEntriesQuery,
} from './list-audit-entries.query';

interface Cursor {
  readonly at: string;
  readonly id: string;
}

function encodeCursor(row: AuditEntryOrmEntity): string {
  return Buffer.from(JSON.stringify({ at: row.occurredAt.toISOString(), id: row.id })).toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof value.at === 'string' && typeof value.id === 'string' && !Number.isNaN(Date.parse(value.at)))
      return { at: value.at, id: value.id };
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError('Invalid cursor', [
    { field: 'cursor', message: 'Use nextCursor from the previous page' },
  ]);
}

function toDto(row: AuditEntryOrmEntity): AuditEntryDto {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorRole: row.actorRole,
    actorScope: row.actorScope,
    districtId: row.districtId,
    method: row.method,
    path: row.path,
    targetIds: row.targetIds,
    status: row.status,
    correlationId: row.correlationId,
    clientAddress: row.clientAddress,
  };
}

/**
 * Newest first, keyset-paginated. Runs under the reader's scope: row-level security shows an
 * auditor only the entries of actors inside their own subtree.
 */
export class ListAuditEntriesHandler {
  constructor(private readonly dataSource: DataSource) {}

  execute(readerScope: string, query: ListAuditEntriesQuery): Promise<AuditEntryPage> {
    return inTransaction(this.dataSource, readerScope, async (tx) => {
      const qb = tx.manager.getRepository(AuditEntryOrmEntity).createQueryBuilder('a');
      if (query.actorId !== undefined) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
      if (query.from !== undefined) qb.andWhere('a.occurred_at >= :from', { from: new Date(query.from) });
      if (query.to !== undefined) qb.andWhere('a.occurred_at < :to', { to: new Date(query.to) });
      if (query.method !== undefined) qb.andWhere('a.method = :method', { method: query.method });
      if (query.status !== undefined) qb.andWhere('a.status = :status', { status: query.status });
      if (query.cursor !== undefined) {
        const cursor = decodeCursor(query.cursor);
        qb.andWhere('(a.occurred_at, a.id) < (:cursorAt, :cursorId)', {
          cursorAt: new Date(cursor.at),
          cursorId: cursor.id,
        });
      }
      const rows = await qb
        .orderBy('a.occurred_at', 'DESC')
        .addOrderBy('a.id', 'DESC')
        .limit(query.limit + 1)
        .getMany();
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      return {
        items: page.map(toDto),
        nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
      };
    });
  }
}
