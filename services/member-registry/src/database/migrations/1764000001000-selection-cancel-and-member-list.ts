import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ADR 0008. Cancelling a post selection records why and when. The member list and search get
 * indexes their queries can use under row-level security, where Postgres only turns leakproof
 * operators of a query into index conditions (`LIKE` is not leakproof; `>=` and `<` on text are):
 * - (org_path, id), org_path in collation "C": the subtree as a range, in page order, so a page
 *   reads `limit` rows. It replaces the (org_path) index, whose scans it serves as well.
 * - (name COLLATE "C"): a name prefix as a range in byte order whatever the database's collation.
 *   It replaces the (name) index, which only served `LIKE` on a C-collated database.
 */
export class SelectionCancelAndMemberList1764000001000 implements MigrationInterface {
  readonly name = 'SelectionCancelAndMemberList1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE post_selections ADD COLUMN cancellation_reason text, ADD COLUMN cancelled_on date',
    );
    await q.query('CREATE INDEX members_org_path_id_idx ON members (org_path, id)');
    await q.query('DROP INDEX members_org_path_idx');
    await q.query('CREATE INDEX members_name_prefix_idx ON members (name COLLATE "C")');
    await q.query('DROP INDEX members_name_idx');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX members_name_idx ON members (name)');
    await q.query('DROP INDEX members_name_prefix_idx');
    await q.query('CREATE INDEX members_org_path_idx ON members (org_path)');
    await q.query('DROP INDEX members_org_path_id_idx');
    await q.query('ALTER TABLE post_selections DROP COLUMN cancellation_reason, DROP COLUMN cancelled_on');
  }
}
