import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@lianxin/auth';
import { BusinessRuleError, ValidationError } from '@lianxin/platform-http';
import { inTransaction } from '@lianxin/platform-persistence';
import type { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { NewHouseholdRecord } from '../../../../households/infrastructure/household-writer';
import type { NewMemberRecord } from '../../../../members/infrastructure/member-writer';
import { roleFor } from '../../../../shared/application/event-factory';
import { OutboxBatch } from '../../../../shared/application/outbox-batch';
import { prepareHouseholds, prepareMembers } from '../../../../shared/application/registration-batch';
import {
  PII_CIPHER,
  REGISTRY_DATA_SOURCE,
  REGISTRY_SETTINGS,
  type RegistrySettings,
} from '../../../../shared/application/registry-tokens';
import { requireUnit, type UnitRow } from '../../../../shared/application/scope';
import type { PiiCipher } from '../../../../shared/infrastructure/pii-cipher';
import {
  resolveHeaders,
  validateHouseholdRow,
  validateMemberRow,
  type ImportKind,
  type RowError,
} from '../../../domain/csv-row-validation';
import {
  ImportRejectedError,
  MAX_REPORTED_ERRORS,
  type ImportReport,
} from '../../../domain/import-rejected.error';
import { csvRecords, type ResolvedEncoding } from '../../../infrastructure/csv-records';

export const importQuery = z.strictObject({
  /** The unit the file is for; rows name their branch/village by code path below it. */
  unitId: z.uuid(),
  encoding: z.enum(['auto', 'utf-8', 'gb18030']).default('auto'),
  /** `all-or-nothing` (default): any invalid row rejects the file. `valid-rows`: import the rest. */
  mode: z.enum(['all-or-nothing', 'valid-rows']).default('all-or-nothing'),
});
export type ImportQuery = z.output<typeof importQuery>;

const BATCH = 2000;

interface PendingRow<T> {
  row: number;
  record: T;
}

@Injectable()
export class ImportRosterHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PII_CIPHER) private readonly cipher: PiiCipher,
    @Inject(REGISTRY_SETTINGS) private readonly settings: RegistrySettings,
  ) {}

  /**
   * One pass over the stream, one transaction: rows are validated as they arrive and inserted in
   * batches of 2,000 (one multi-row INSERT plus one outbox INSERT each). In all-or-nothing mode
   * the first invalid row stops the writing, the rest of the file is still checked so the report
   * is complete, and the transaction rolls back.
   */
  execute(kind: ImportKind, query: ImportQuery, body: Readable, actor: Actor): Promise<ImportReport> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const root = await requireUnit(tx.manager, query.unitId);
      const units = await this.unitsByPath(tx.manager, root, kind === 'members' ? 'branch' : 'village');
      const outbox = new OutboxBatch(
        tx.manager,
        { id: actor.id, role: roleFor(actor, 'registry.member.import') },
        BATCH,
      );
      const errors: RowError[] = [];
      let rejected = 0;
      let total = 0;
      let imported = 0;
      let encoding: ResolvedEncoding = 'utf-8';
      let fields: string[] | undefined;
      const seen = new Set<string>();
      let pending: PendingRow<NewMemberRecord | NewHouseholdRecord>[] = [];
      const today = this.settings.today();
      const reject = (rowErrors: RowError[]): void => {
        rejected += 1;
        for (const e of rowErrors) if (errors.length < MAX_REPORTED_ERRORS) errors.push(e);
      };
      const writing = (): boolean => query.mode === 'valid-rows' || rejected === 0;
      // One batch is written while the next is parsed and validated (Postgres and Node work in
      // parallel); never more than one in flight, so memory stays bounded by two batches.
      let inFlight: Promise<void> | undefined;
      const settle = async (): Promise<void> => {
        const running = inFlight;
        inFlight = undefined;
        await running;
      };
      const flush = async (): Promise<void> => {
        if (pending.length === 0) return;
        const batch = pending;
        pending = [];
        if (!writing()) return;
        const records = batch.map((p) => p.record);
        // Encrypt and build the statement while the previous batch is still in Postgres.
        const prepared =
          kind === 'members'
            ? prepareMembers(tx.manager, this.cipher, outbox, records as NewMemberRecord[])
            : prepareHouseholds(tx.manager, this.cipher, outbox, records as NewHouseholdRecord[]);
        await settle();
        if (!writing()) return;
        const written = prepared.write();
        inFlight = written.then((inserted) => {
          imported += inserted.size;
          for (const p of batch)
            if (!inserted.has(p.record.id))
              reject([{ row: p.row, field: 'residentId', reason: 'already registered' }]);
        });
        // Observed by settle(); this only keeps a failure from being reported as unhandled meanwhile.
        inFlight.catch(() => undefined);
      };

      let rowNumber = 0;
      for await (const cells of csvRecords(body, query.encoding, (e) => (encoding = e))) {
        rowNumber += 1;
        if (!fields) {
          const header = resolveHeaders(kind, cells);
          if (header.errors.length > 0)
            throw new ValidationError(
              'the CSV header is not usable',
              header.errors.map((e) => ({ field: `row 1: ${e.field}`, message: e.reason })),
            );
          fields = header.fields;
          continue;
        }
        total += 1;
        const result =
          kind === 'members'
            ? validateMemberRow(rowNumber, fields, cells, today)
            : validateHouseholdRow(rowNumber, fields, cells);
        if (!result.ok) {
          reject(result.errors);
          continue;
        }
        const value = result.value;
        const unitPath = `${root.org_path}${'branchCode' in value ? value.branchCode : value.villageCode}/`;
        const unit = units.get(unitPath);
        if (!unit) {
          reject([
            {
              row: rowNumber,
              field: kind === 'members' ? 'branchCode' : 'villageCode',
              reason: `no ${kind === 'members' ? 'branch' : 'village or community'} ${unitPath} in this unit`,
            },
          ]);
          continue;
        }
        const key = value.residentId;
        if (key !== null && seen.has(key)) {
          reject([{ row: rowNumber, field: 'residentId', reason: 'appears twice in this file' }]);
          continue;
        }
        if (key !== null) seen.add(key);
        const base = { id: uuidv7(), districtId: unit.district_id, orgPath: unit.org_path };
        if ('branchCode' in value) {
          const { branchCode: _code, ...attributes } = value;
          pending.push({ row: rowNumber, record: { ...attributes, ...base, branchId: unit.id } });
        } else {
          const { villageCode: _code, ...attributes } = value;
          pending.push({ row: rowNumber, record: { ...attributes, ...base, villageId: unit.id } });
        }
        if (pending.length >= BATCH) await flush();
      }
      if (!fields)
        throw new ValidationError('the file is empty', [{ field: 'body', message: 'no header row' }]);
      await flush();
      await settle();
      await outbox.flush();
      const report: ImportReport = {
        importId: null,
        kind,
        encoding,
        mode: query.mode,
        rowsTotal: total,
        rowsImported: writing() ? imported : 0,
        rowsRejected: rejected,
        errors: errors.sort((a, b) => a.row - b.row),
        errorsTruncated: errors.length >= MAX_REPORTED_ERRORS,
      };
      if (!writing()) throw new ImportRejectedError(report);
      if (total === 0)
        throw new BusinessRuleError('the file has a header but no rows', { rule: 'empty-import' });
      report.importId = uuidv7();
      await tx.manager.query(
        `INSERT INTO import_runs (id, district_id, org_path, kind, encoding, mode, rows_total, rows_imported, rows_rejected, actor_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          report.importId,
          root.district_id,
          root.org_path,
          kind,
          encoding,
          query.mode,
          total,
          report.rowsImported,
          rejected,
          actor.id,
        ],
      );
      return report;
    });
  }

  private async unitsByPath(
    manager: EntityManager,
    root: UnitRow,
    level: 'branch' | 'village',
  ): Promise<Map<string, UnitRow>> {
    const rows = await manager.query<UnitRow[]>(
      `SELECT * FROM org_units WHERE org_path LIKE $1 || '%' AND level = $2 AND active`,
      [root.org_path, level],
    );
    return new Map(rows.map((u) => [u.org_path, u]));
  }
}
