/** One SQL statement and its parameters: an `INSERT … RETURNING id` built but not yet sent. */
export interface InsertStatement {
  readonly sql: string;
  readonly params: unknown[];
}

/** Postgres array literal of text values, for `text[][]`-like columns sent through `unnest`. */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
