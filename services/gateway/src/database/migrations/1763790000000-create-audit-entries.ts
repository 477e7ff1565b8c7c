import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The gateway's audit trail: append-only. The app role may only INSERT and SELECT (default
 * privileges would also give it UPDATE/DELETE, so they are revoked), and a trigger refuses
 * UPDATE, DELETE and TRUNCATE for everyone, the owner included. Rows carry the actor's scope as
 * `org_path`, so row-level security lets an auditor read only the entries of their own subtree.
 */
export class CreateAuditEntries1763790000000 implements MigrationInterface {
  name = 'CreateAuditEntries1763790000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "gateway_audit_entries" (
        "id" uuid NOT NULL,
        "occurred_at" timestamptz NOT NULL,
        "actor_id" varchar(128) NOT NULL,
        "actor_role" varchar(32) NOT NULL,
        "actor_scope" text NOT NULL,
        "district_id" uuid,
        "org_path" text NOT NULL,
        "method" varchar(8) NOT NULL,
        "path" varchar(512) NOT NULL,
        "target_ids" uuid array NOT NULL,
        "status" integer NOT NULL,
        "correlation_id" varchar(128) NOT NULL,
        "client_address" varchar(64) NOT NULL,
        CONSTRAINT "PK_gateway_audit_entries" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_gateway_audit_entries_occurred_at" ON "gateway_audit_entries" ("occurred_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_gateway_audit_entries_actor" ON "gateway_audit_entries" ("actor_id", "occurred_at")`,
    );
    await queryRunner.query(`ALTER TABLE "gateway_audit_entries" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "gateway_audit_entries" FORCE ROW LEVEL SECURITY`);
    // NULLIF: once a connection has run a transaction-local set_config, the unset setting reads
    // as '' (not NULL) for the rest of its life, and '' || '%' would match every row.
    await queryRunner.query(`
      CREATE POLICY "gateway_audit_entries_scope" ON "gateway_audit_entries"
        USING (org_path LIKE NULLIF(current_setting('lianxin.scope', true), '') || '%')
        WITH CHECK (org_path LIKE NULLIF(current_setting('lianxin.scope', true), '') || '%')`);
    await queryRunner.query(`
      CREATE FUNCTION "gateway_audit_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'gateway_audit_entries is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER "gateway_audit_entries_append_only" BEFORE UPDATE OR DELETE ON "gateway_audit_entries"
        FOR EACH ROW EXECUTE FUNCTION "gateway_audit_refuse_change"()`);
    await queryRunner.query(`
      CREATE TRIGGER "gateway_audit_entries_no_truncate" BEFORE TRUNCATE ON "gateway_audit_entries"
        FOR EACH STATEMENT EXECUTE FUNCTION "gateway_audit_refuse_change"()`);
    // The app role is <short>_app next to the <short>_owner running this (gateway_app in every
    // environment). Default privileges gave it UPDATE/DELETE too: take everything back, then
    // grant only what an append-only log needs.
    await queryRunner.query(`
      DO $$
      DECLARE app_role text := regexp_replace(current_user, '_owner$', '_app');
      BEGIN
        IF app_role <> current_user AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_role) THEN
          EXECUTE format('REVOKE ALL ON gateway_audit_entries FROM %I', app_role);
          EXECUTE format('GRANT SELECT, INSERT ON gateway_audit_entries TO %I', app_role);
        END IF;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "gateway_audit_entries_no_truncate" ON "gateway_audit_entries"`);
    await queryRunner.query(`DROP TRIGGER "gateway_audit_entries_append_only" ON "gateway_audit_entries"`);
    await queryRunner.query(`DROP FUNCTION "gateway_audit_refuse_change"()`);
    await queryRunner.query(`DROP TABLE "gateway_audit_entries"`);
  }
}
