import { type MigrationInterface, type QueryRunner } from 'typeorm';

// A branch secretary's scope is their branch (`…/v-hongqi/b-01/`), but the households their
// branch serves are registered on the village above it (`…/v-hongqi/`): with scope-prefix
// policies alone they could not see, list or update a single household of their own village.
// The pairing service closed the same gap (its migrations 1763800004000 and 1763800006000, ADR
// 0009); this is the registry's half, in the form pairing settled on:
//
// - `registry_village_above(scope)`: the nearest village unit above a scope, or NULL (a village,
//   township, district or city scope; a branch not under a village, e.g. a 机关支部). It reads the
//   org tree with the system scope for the one lookup: the village above a branch is outside the
//   branch's scope, and the answer is one ancestor of the scope it is given, which tells the
//   caller nothing about any other unit. plpgsql, so its plan is cached.
// - households: one policy, the scope prefix first, then the village of the scope (an InitPlan
//   runs on first use, so a row inside the scope never starts the lookup). Read and write there:
//   the branch sees, lists, updates and deactivates its village's households. Not another
//   village's. org_units are unchanged: registering a household still names a village in the
//   caller's own scope (a township admin's, or a village-scoped secretary's).
const SCOPE = "NULLIF(current_setting('lianxin.scope', true), '')";
const IN_SCOPE = `org_path LIKE (SELECT ${SCOPE}) || '%'`;
const IN_REACH = `${IN_SCOPE} OR org_path = (SELECT registry_village_above(${SCOPE}))`;
const ORIGINAL = `org_path LIKE ${SCOPE} || '%'`;
const SYSTEM_SCOPE = '/';

export class BranchVillageReach1764000002000 implements MigrationInterface {
  readonly name = 'BranchVillageReach1764000002000';

  async up(q: QueryRunner): Promise<void> {
    // The org tree is read with the system scope for the one lookup, and the caller's scope is
    // put back before returning (a function-level `SET` would be the cleaner form, but Postgres
    // lets only a superuser attach a custom setting to a function). VOLATILE because it sets a
    // setting; the policy calls it once per statement, as an InitPlan.
    await q.query(`
      CREATE FUNCTION registry_village_above(scope text) RETURNS text
      LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        caller_scope text := current_setting('lianxin.scope', true);
        village text;
      BEGIN
        PERFORM set_config('lianxin.scope', '${SYSTEM_SCOPE}', true);
        SELECT u.org_path INTO village
          FROM org_units u
         WHERE u.level = 'village'
           AND u.org_path IN (
             SELECT left(scope, p) FROM generate_series(2, length(scope) - 1) p WHERE substr(scope, p, 1) = '/'
           )
         ORDER BY length(u.org_path) DESC
         LIMIT 1;
        PERFORM set_config('lianxin.scope', coalesce(caller_scope, ''), true);
        RETURN village;
      END
      $fn$`);
    await q.query('DROP POLICY households_scope ON households');
    await q.query(
      `CREATE POLICY households_scope ON households USING (${IN_REACH}) WITH CHECK (${IN_REACH})`,
    );
    await q.query(`
      DO $$
      DECLARE app_role text := regexp_replace(current_user, '_owner$', '_app');
      BEGIN
        IF app_role <> current_user AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_role) THEN
          EXECUTE format('GRANT EXECUTE ON FUNCTION registry_village_above(text) TO %I', app_role);
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP POLICY households_scope ON households');
    await q.query(
      `CREATE POLICY households_scope ON households USING (${ORIGINAL}) WITH CHECK (${ORIGINAL})`,
    );
    await q.query('DROP FUNCTION registry_village_above(text)');
  }
}
