import { DomainError } from '@lianxin/platform-http';
import type { RowError } from './csv-row-validation';

export interface ImportReport {
  importId: string | null;
  kind: 'members' | 'households';
  encoding: 'utf-8' | 'gb18030';
  mode: 'all-or-nothing' | 'valid-rows';
  rowsTotal: number;
  rowsImported: number;
  rowsRejected: number;
  /** At most MAX_REPORTED_ERRORS, in file order. */
  errors: RowError[];
  errorsTruncated: boolean;
}

export const MAX_REPORTED_ERRORS = 1000;

/** 422: the file had errors and the caller did not ask to import the valid rows; nothing was written. */
export class ImportRejectedError extends DomainError {
  readonly status = 422;
  readonly slug = 'import-rejected';
  readonly title = 'Import rejected: the file has invalid rows';

  constructor(readonly report: ImportReport) {
    super(
      `${report.rowsRejected} of ${report.rowsTotal} rows are invalid; nothing was imported (pass mode=valid-rows to import the others)`,
    );
  }

  override extensions(): Record<string, unknown> {
    return {
      errors: this.report.errors.map((e) => ({ field: `row ${e.row}: ${e.field}`, message: e.reason })),
      report: this.report,
    };
  }
}
