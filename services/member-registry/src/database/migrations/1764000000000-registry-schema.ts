import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { createIdempotencyTableSql, dropIdempotencyTableSql } from '@lianxin/platform-http';

// The registry's tables. Every tenant table carries district_id and org_path and is guarded by
// row-level security (docs/CONVENTIONS.md "Tenancy"). org_path uses the "C" collation so that a
// plain btree index serves `LIKE '/lx/taoyuan/%'` prefix scans.

const TENANT_TABLES = [
  'org_units',
  'members',
  'households',
  'party_groups',
  'party_group_members',
  'party_group_activities',
  'post_types',
  'post_selections',
  'post_selection_applications',
  'post_selection_nominations',
  'post_selection_objections',
  'post_selection_audit',
  'posts',
  'member_cards',
  'import_runs',
] as const;

// NULLIF: a pooled connection that once ran a transaction-local set_config reports '' (not NULL)
// afterwards; '' || '%' would match every row, so an empty scope must also mean "no rows".
const SCOPE = "NULLIF(current_setting('lianxin.scope', true), '')";

const AUDIT = `created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now()`;
const TENANT = `district_id uuid, org_path text COLLATE "C" NOT NULL`;

export class RegistrySchema1764000000000 implements MigrationInterface {
  readonly name = 'RegistrySchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org_units (
        id uuid PRIMARY KEY,
        parent_id uuid CONSTRAINT org_units_parent_id_fkey REFERENCES org_units (id),
        code text NOT NULL CONSTRAINT org_units_code_check CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
        name text NOT NULL,
        level text NOT NULL CONSTRAINT org_units_level_check CHECK (level IN ('city', 'district', 'township', 'village', 'branch')),
        kind text NOT NULL,
        rural boolean NOT NULL DEFAULT false,
        ${TENANT},
        depth integer NOT NULL,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        ${AUDIT}
      )`);
    await q.query('CREATE UNIQUE INDEX org_units_org_path_key ON org_units (org_path)');
    await q.query('CREATE INDEX org_units_parent_id_idx ON org_units (parent_id)');

    await q.query(`
      CREATE TABLE members (
        id uuid PRIMARY KEY,
        ${TENANT},
        branch_id uuid NOT NULL REFERENCES org_units (id),
        name text NOT NULL,
        gender text NOT NULL,
        ethnicity text NOT NULL,
        ethnic_minority boolean NOT NULL,
        birth_date date NOT NULL,
        education_level text NOT NULL,
        joined_at date NOT NULL,
        mobile_cipher bytea NOT NULL,
        mobile_index text NOT NULL,
        resident_id_cipher bytea NOT NULL,
        resident_id_index text NOT NULL,
        category text NOT NULL,
        has_post boolean NOT NULL,
        cadre_rank text NOT NULL,
        position text,
        specialties text[] NOT NULL DEFAULT '{}',
        rural boolean NOT NULL,
        phone_on_card boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'active',
        deactivation_reason text,
        deactivated_on date,
        version integer NOT NULL DEFAULT 1,
        ${AUDIT}
      )`);
    await q.query('CREATE UNIQUE INDEX members_resident_id_index_key ON members (resident_id_index)');
    await q.query('CREATE INDEX members_org_path_idx ON members (org_path)');
    await q.query('CREATE INDEX members_branch_id_idx ON members (branch_id)');
    await q.query('CREATE INDEX members_mobile_index_idx ON members (mobile_index)');
    await q.query('CREATE INDEX members_name_idx ON members (name)');

    // A transfer has two sides: the old district sees the transfer-out, the new one the
    // transfer-in (to_org_path is the destination district until a branch accepts it).
    await q.query(`
      CREATE TABLE member_transfers (
        id uuid PRIMARY KEY,
        member_id uuid NOT NULL REFERENCES members (id),
        ${TENANT},
        from_branch_id uuid NOT NULL,
        to_district_id uuid NOT NULL,
        to_org_path text COLLATE "C" NOT NULL,
        to_branch_id uuid,
        status text NOT NULL,
        reason text NOT NULL,
        transferred_on date NOT NULL,
        requested_by text NOT NULL,
        completed_by text,
        completed_at timestamptz,
        ${AUDIT}
      )`);
    await q.query('CREATE INDEX member_transfers_member_id_idx ON member_transfers (member_id)');

    await q.query(`
      CREATE TABLE households (
        id uuid PRIMARY KEY,
        ${TENANT},
        village_id uuid NOT NULL REFERENCES org_units (id),
        head_name text NOT NULL,
        address text NOT NULL,
        size integer NOT NULL CONSTRAINT households_size_check CHECK (size BETWEEN 1 AND 50),
        hardship_status text NOT NULL,
        needs text[] NOT NULL DEFAULT '{}',
        is_migrant_member_household boolean NOT NULL DEFAULT false,
        resident_id_cipher bytea,
        resident_id_index text,
        mobile_cipher bytea,
        mobile_index text,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        ${AUDIT}
      )`);
    await q.query('CREATE UNIQUE INDEX households_resident_id_index_key ON households (resident_id_index)');
    await q.query('CREATE INDEX households_org_path_idx ON households (org_path)');

    await q.query(`
      CREATE TABLE party_groups (
        id uuid PRIMARY KEY,
        ${TENANT},
        branch_id uuid NOT NULL REFERENCES org_units (id),
        name text NOT NULL,
        group_type text NOT NULL,
        responsibility_area text,
        leader_member_id uuid REFERENCES members (id),
        formed_on date NOT NULL,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        ${AUDIT},
        CONSTRAINT party_groups_area_check CHECK ((group_type = 'responsibility') = (responsibility_area IS NOT NULL))
      )`);
    await q.query('CREATE INDEX party_groups_org_path_idx ON party_groups (org_path)');
    await q.query(`
      CREATE TABLE party_group_members (
        party_group_id uuid NOT NULL REFERENCES party_groups (id),
        member_id uuid NOT NULL REFERENCES members (id),
        ${TENANT},
        joined_on date NOT NULL,
        PRIMARY KEY (party_group_id, member_id)
      )`);
    await q.query('CREATE INDEX party_group_members_member_id_idx ON party_group_members (member_id)');
    await q.query(`
      CREATE TABLE party_group_activities (
        id uuid PRIMARY KEY,
        party_group_id uuid NOT NULL REFERENCES party_groups (id),
        ${TENANT},
        held_on date NOT NULL,
        topic text NOT NULL,
        attendee_member_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      'CREATE INDEX party_group_activities_group_held_idx ON party_group_activities (party_group_id, held_on)',
    );

    await q.query(`
      CREATE TABLE post_types (
        id uuid PRIMARY KEY,
        ${TENANT},
        unit_id uuid NOT NULL REFERENCES org_units (id),
        code text NOT NULL,
        name text NOT NULL,
        duties text[] NOT NULL DEFAULT '{}',
        ${AUDIT}
      )`);
    await q.query('CREATE UNIQUE INDEX post_types_unit_code_key ON post_types (unit_id, code)');
    await q.query(`
      CREATE TABLE post_selections (
        id uuid PRIMARY KEY,
        ${TENANT},
        branch_id uuid NOT NULL REFERENCES org_units (id),
        post_type_id uuid NOT NULL REFERENCES post_types (id),
        seats integer NOT NULL CONSTRAINT post_selections_seats_check CHECK (seats >= 1),
        state text NOT NULL,
        objection_window_days integer NOT NULL,
        opens_on date NOT NULL,
        applications_close_on date NOT NULL,
        shortlist uuid[] NOT NULL DEFAULT '{}',
        ballots_cast integer,
        results jsonb,
        elected uuid[] NOT NULL DEFAULT '{}',
        publicised_on date,
        objection_window_ends_on date,
        confirmed_on date,
        version integer NOT NULL DEFAULT 1,
        ${AUDIT}
      )`);
    await q.query('CREATE INDEX post_selections_org_path_idx ON post_selections (org_path)');
    await q.query(`
      CREATE TABLE post_selection_applications (
        id uuid PRIMARY KEY,
        selection_id uuid NOT NULL REFERENCES post_selections (id),
        ${TENANT},
        member_id uuid NOT NULL REFERENCES members (id),
        statement text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      'CREATE UNIQUE INDEX post_selection_applications_member_key ON post_selection_applications (selection_id, member_id)',
    );
    await q.query(`
      CREATE TABLE post_selection_nominations (
        id uuid PRIMARY KEY,
        selection_id uuid NOT NULL REFERENCES post_selections (id),
        ${TENANT},
        member_id uuid NOT NULL REFERENCES members (id),
        nominator_kind text NOT NULL,
        note text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      'CREATE INDEX post_selection_nominations_selection_idx ON post_selection_nominations (selection_id)',
    );
    await q.query(`
      CREATE TABLE post_selection_objections (
        id uuid PRIMARY KEY,
        selection_id uuid NOT NULL REFERENCES post_selections (id),
        ${TENANT},
        against_member_id uuid,
        reason_code text NOT NULL,
        detail text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      'CREATE INDEX post_selection_objections_selection_idx ON post_selection_objections (selection_id)',
    );
    await q.query(`
      CREATE TABLE post_selection_audit (
        id uuid PRIMARY KEY,
        selection_id uuid NOT NULL REFERENCES post_selections (id),
        ${TENANT},
        step text NOT NULL,
        from_state text,
        to_state text NOT NULL,
        actor_id text NOT NULL,
        actor_role text NOT NULL,
        correlation_id text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX post_selection_audit_selection_idx ON post_selection_audit (selection_id)');
    await q.query(`
      CREATE TABLE posts (
        id uuid PRIMARY KEY,
        ${TENANT},
        branch_id uuid NOT NULL REFERENCES org_units (id),
        post_type_id uuid NOT NULL REFERENCES post_types (id),
        selection_id uuid REFERENCES post_selections (id),
        member_id uuid NOT NULL REFERENCES members (id),
        started_on date NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX posts_member_id_idx ON posts (member_id)');

    await q.query(`
      CREATE TABLE member_cards (
        id uuid PRIMARY KEY,
        member_id uuid NOT NULL REFERENCES members (id),
        ${TENANT},
        service_items text[] NOT NULL DEFAULT '{}',
        pledge_text text NOT NULL,
        published_on date NOT NULL,
        ${AUDIT}
      )`);
    await q.query('CREATE UNIQUE INDEX member_cards_member_id_key ON member_cards (member_id)');

    await q.query(`
      CREATE TABLE import_runs (
        id uuid PRIMARY KEY,
        ${TENANT},
        kind text NOT NULL,
        encoding text NOT NULL,
        mode text NOT NULL,
        rows_total integer NOT NULL,
        rows_imported integer NOT NULL,
        rows_rejected integer NOT NULL,
        actor_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    for (const sql of createIdempotencyTableSql()) await q.query(sql);

    for (const table of TENANT_TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY ${table}_scope ON ${table} USING (org_path LIKE ${SCOPE} || '%') WITH CHECK (org_path LIKE ${SCOPE} || '%')`,
      );
    }
    await q.query('ALTER TABLE member_transfers ENABLE ROW LEVEL SECURITY');
    await q.query('ALTER TABLE member_transfers FORCE ROW LEVEL SECURITY');
    await q.query(`
      CREATE POLICY member_transfers_scope ON member_transfers
        USING (org_path LIKE ${SCOPE} || '%' OR to_org_path LIKE ${SCOPE} || '%')
        WITH CHECK (org_path LIKE ${SCOPE} || '%' OR to_org_path LIKE ${SCOPE} || '%')`);

    // Explicit grants, in case the database was provisioned without default privileges.
    await q.query(`
      DO $$
      DECLARE app_role text := regexp_replace(current_user, '_owner$', '_app');
      BEGIN
        IF app_role <> current_user AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_role) THEN
          EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app_role);
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropIdempotencyTableSql()) await q.query(sql);
    for (const table of [
      'import_runs',
      'member_cards',
      'posts',
      'post_selection_audit',
      'post_selection_objections',
      'post_selection_nominations',
      'post_selection_applications',
      'post_selections',
      'post_types',
      'party_group_activities',
      'party_group_members',
      'party_groups',
      'households',
      'member_transfers',
      'members',
      'org_units',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
