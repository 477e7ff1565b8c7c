import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Every tenant table carries district_id and org_path and is guarded by row-level security
// (CONVENTIONS "Tenancy"). The org_path of a row is the place it belongs to: the household's unit
// for pairings, visits, practical matters and tickets; the member's unit for grassroots days and
// pledges; the unit checked for spot checks.
const TENANT_TABLES = [
  'org_units',
  'members',
  'households',
  'quota_rule_sets',
  'sla_rules',
  'pairings',
  'repairing_tasks',
  'visits',
  'visit_corrections',
  'grassroots_days',
  'practical_matters',
  'tickets',
  'ticket_history',
  'pledges',
  'pledge_evaluations',
  'pledge_reports',
  'spot_checks',
  'spot_check_items',
] as const;

// NULLIF matters: once a pooled connection has run one transaction with `set_config(..., true)`,
// the setting reads as '' (not NULL) afterwards, and `LIKE '' || '%'` would match every row. With
// NULLIF an unset scope is NULL on every connection, so the policy fails closed.
const SCOPE_PREDICATE = "org_path LIKE NULLIF(current_setting('lianxin.scope', true), '') || '%'";

const CREATE = `
CREATE TABLE org_units (
  id uuid PRIMARY KEY,
  district_id uuid,
  org_path text NOT NULL,
  parent_id uuid,
  code text NOT NULL,
  level text NOT NULL,
  unit_name text NOT NULL,
  active boolean NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX org_units_path_idx ON org_units (org_path text_pattern_ops);

CREATE TABLE members (
  id uuid PRIMARY KEY,
  district_id uuid NOT NULL,
  org_path text NOT NULL,
  branch_unit_id uuid NOT NULL,
  category text NOT NULL,
  cadre_rank text NOT NULL,
  has_post boolean NOT NULL,
  status text NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX members_path_idx ON members (org_path text_pattern_ops);
CREATE INDEX members_district_rank_idx ON members (district_id, cadre_rank) WHERE status = 'active';

CREATE TABLE households (
  id uuid PRIMARY KEY,
  district_id uuid NOT NULL,
  org_path text NOT NULL,
  village_unit_id uuid NOT NULL,
  hardship_status text NOT NULL,
  is_migrant_member_household boolean NOT NULL,
  active boolean NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX households_path_idx ON households (org_path text_pattern_ops);

CREATE TABLE quota_rule_sets (
  id uuid PRIMARY KEY,
  district_id uuid NOT NULL,
  org_path text NOT NULL,
  version integer NOT NULL,
  effective_from date NOT NULL,
  rules jsonb NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  CONSTRAINT quota_rule_sets_version_uq UNIQUE (district_id, version)
);

CREATE TABLE sla_rules (
  district_id uuid NOT NULL,
  category text NOT NULL,
  org_path text NOT NULL,
  accept_within_hours integer NOT NULL,
  resolve_within_hours integer NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT sla_rules_pk PRIMARY KEY (district_id, category)
);

CREATE TABLE pairings (
  id uuid PRIMARY KEY,
  district_id uuid NOT NULL,
  org_path text NOT NULL,
  household_id uuid NOT NULL,
  cadre_id uuid NOT NULL,
  cadre_org_path text NOT NULL,
  cadre_rank text NOT NULL,
  selection text NOT NULL,
  status text NOT NULL,
  started_on date NOT NULL,
  ended_on date,
  end_reason text,
  repairing_task_id uuid,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX pairings_one_active_per_household_uq ON pairings (household_id) WHERE status = 'active';
CREATE INDEX pairings_cadre_idx ON pairings (cadre_id) WHERE status = 'active';
CREATE INDEX pairings_path_idx ON pairings (org_path text_pattern_ops);

CREATE TABLE repairing_tasks (
  id uuid PRIMARY KEY,
  district_id uuid NOT NULL,
  org_path text NOT NULL,
  household_id uuid NOT NULL,
  previous_pairing_id uuid,
  previous_cadre_id uuid,
  reason text NOT NULL,
  status text NOT NULL,
  due_on date NOT NULL,
  resolved_pairing_id uuid,
  created_at timestamptz NOT NULL,
  resolved_at timestamptz
);
CREATE INDEX repairing_tasks_open_idx ON repairing_tasks (household_id) WHERE status = 'open';

CREATE TABLE visits (
  id uuid PRIMARY KEY,
  district_id uuid NOT NULL,
  org_path text NOT NULL,
  household_id uuid NOT NULL,
  cadre_id uuid NOT NULL,
  cadre_org_path text NOT NULL,
  pairing_id uuid,
  visit_date date NOT NULL,
  visit_year smallint NOT NULL,
  kind text NOT NULL,
  heard text NOT NULL,
  problems_raised integer NOT NULL,
  matters_done integer NOT NULL,
  confirmation text NOT NULL,
  flagged boolean NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX visits_cadre_year_idx ON visits (cadre_id, visit_year) INCLUDE (confirmation);
CREATE INDEX visits_district_year_idx ON visits (district_id, visit_year, cadre_id) WHERE confirmation <> 'not_confirmed';
CREATE INDEX visits_path_date_idx ON visits (org_path text_pattern_ops, visit_date);

CREATE TABLE visit_corrections (
  id uuid PRIMARY KEY,
  district_id uuid NOT NULL,
  org_path text NOT NULL,
  visit_id uuid NOT NULL CONSTRAINT visit_corrections_visit_fk REFERENCES visits (id),
  previous jsonb NOT NULL,
  next jsonb NOT NULL,
  reason_code text NOT NULL,
  note text,
  corrected_by text NOT NULL,
  corrected_at timestamptz NOT NULL
);
CREATE INDEX visit_corrections_visit_idx ON visit_corrections (visit_id);

CREATE TABLE grassroots_days (
  id uuid PRIMARY KEY,
  district_id uuid NOT NULL,
  org_path text NOT NULL,
  cadre_id uuid NOT NULL,
  served_on date NOT NULL,
  served_year smallint NOT NULL,
  place_unit_id uuid,
  place text NOT NULL,
  activity text NOT NULL,
  activity_code text,
  stayed_overnight boolean NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  CONSTRAINT grassroots_days_one_per_day_uq UNIQUE (cadre_id, served_on)
);
CREATE INDEX grassroots_days_district_year_idx ON grassroots_days (district_id, served_year, cadre_id);

CREATE TABLE practical_matters (
  id uuid PRIMARY KEY,
  district_id uuid NOT NULL,
  org_path text NOT NULL,
  household_id uuid,
  member_id uuid NOT NULL,
  member_org_path text NOT NULL,
  member_unit_id uuid NOT NULL,
  category text NOT NULL,
  summary text NOT NULL,
  evidence jsonb NOT NULL,
  done_on date NOT NULL,
  done_year smallint NOT NULL,
  visit_id uuid,
  ticket_id uuid,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX practical_matters_district_year_idx ON practical_matters (district_id, done_year, member_id);
CREATE INDEX practical_matters_member_year_idx ON practical_matters (member_id, done_year);

CREATE TABLE tickets (
  id uuid PRIMARY KEY,
  district_id uuid NOT NULL,
  org_path text NOT NULL,
  source text NOT NULL,
  hotline_ticket_no text,
  category text NOT NULL,
  summary text NOT NULL,
  household_id uuid,
  visit_id uuid,
  status text NOT NULL,
  status_before_handoff text,
  first_asked_member_id uuid,
  owner_member_id uuid,
  handoff_id uuid,
  handoff_to_member_id uuid,
  handoff_to_unit_id uuid,
  handoff_level text,
  handoff_reason text,
  received_at timestamptz NOT NULL,
  accept_due_at timestamptz NOT NULL,
  resolve_due_at timestamptz NOT NULL,
  accepted_at timestamptz,
  resolved_at timestamptz,
  resolved_year smallint,
  resolved_by_member_id uuid,
  resolution_code text,
  resolution text,
  feedback_channel text,
  feedback_at timestamptz,
  satisfaction text,
  closed_at timestamptz,
  version integer NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX tickets_hotline_no_uq ON tickets (hotline_ticket_no) WHERE hotline_ticket_no IS NOT NULL;
CREATE INDEX tickets_open_due_idx ON tickets (resolve_due_at) WHERE status IN ('received', 'accepted', 'in_progress', 'escalated');
CREATE INDEX tickets_resolver_year_idx ON tickets (district_id, resolved_year, resolved_by_member_id) WHERE resolved_by_member_id IS NOT NULL;

CREATE TABLE ticket_history (
  id uuid PRIMARY KEY,
  district_id uuid NOT NULL,
  org_path text NOT NULL,
  ticket_id uuid NOT NULL CONSTRAINT ticket_history_ticket_fk REFERENCES tickets (id),
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_id text NOT NULL,
  reason text,
  at timestamptz NOT NULL
);
CREATE INDEX ticket_history_ticket_idx ON ticket_history (ticket_id, at);

CREATE TABLE pledges (
  id uuid PRIMARY KEY,
  district_id uuid NOT NULL,
  org_path text NOT NULL,
  member_id uuid NOT NULL,
  member_unit_id uuid NOT NULL,
  pledge_year smallint NOT NULL,
  ordinal smallint NOT NULL,
  category text NOT NULL,
  content text NOT NULL,
  deadline date NOT NULL,
  quality_standard text NOT NULL,
  household_ids uuid[] NOT NULL,
  status text NOT NULL,
  progress_percent smallint NOT NULL,
  progress_notes jsonb NOT NULL,
  evidence jsonb,
  published_on date,
  fulfilled_on date,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT pledges_ordinal_uq UNIQUE (member_id, pledge_year, ordinal)
);

CREATE TABLE pledge_evaluations (
  id uuid PRIMARY KEY,
  district_id uuid NOT NULL,
  org_path text NOT NULL,
  pledge_id uuid NOT NULL CONSTRAINT pledge_evaluations_pledge_fk REFERENCES pledges (id),
  rating text NOT NULL,
  evaluator_kind text NOT NULL,
  comment text,
  evaluated_on date NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX pledge_evaluations_pledge_idx ON pledge_evaluations (pledge_id);

CREATE TABLE pledge_reports (
  id uuid PRIMARY KEY,
  district_id uuid NOT NULL,
  org_path text NOT NULL,
  member_id uuid NOT NULL,
  report_year smallint NOT NULL,
  summary text NOT NULL,
  submitted_by text NOT NULL,
  submitted_at timestamptz NOT NULL,
  CONSTRAINT pledge_reports_member_year_uq UNIQUE (member_id, report_year)
);

CREATE TABLE spot_checks (
  id uuid PRIMARY KEY,
  district_id uuid NOT NULL,
  org_path text NOT NULL,
  unit_id uuid NOT NULL,
  period_from date NOT NULL,
  period_to date NOT NULL,
  share numeric(5,4) NOT NULL,
  seed text NOT NULL,
  population_size integer NOT NULL,
  population_digest text NOT NULL,
  sample_size integer NOT NULL,
  drawn_by text NOT NULL,
  drawn_at timestamptz NOT NULL
);

CREATE TABLE spot_check_items (
  spot_check_id uuid NOT NULL CONSTRAINT spot_check_items_spot_check_fk REFERENCES spot_checks (id),
  visit_id uuid NOT NULL CONSTRAINT spot_check_items_visit_fk REFERENCES visits (id),
  district_id uuid NOT NULL,
  org_path text NOT NULL,
  household_id uuid NOT NULL,
  call_back_id uuid,
  result text,
  note text,
  called_by text,
  called_at timestamptz,
  CONSTRAINT spot_check_items_pk PRIMARY KEY (spot_check_id, visit_id)
);
`;

export class PairingSchema1763800000000 implements MigrationInterface {
  name = 'PairingSchema1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(CREATE);
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY ${table}_scope ON ${table} USING (${SCOPE_PREDICATE}) WITH CHECK (${SCOPE_PREDICATE})`,
      );
    }
    // provisionServiceDatabase sets default privileges for the app role; the explicit grant keeps
    // a database provisioned by other means working too (owner `<short>_owner` → app `<short>_app`).
    await queryRunner.query(`
      DO $$
      DECLARE app_role text := regexp_replace(current_user, '_owner$', '_app');
      BEGIN
        IF app_role <> current_user AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_role) THEN
          EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ${TENANT_TABLES.join(', ')} TO %I', app_role);
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TENANT_TABLES].reverse()) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
  }
}
