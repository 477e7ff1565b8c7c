// Gives a service its own database and two roles, the shape every environment uses (ADR 0002):
//   <short>_owner — owns the database and its schema, runs migrations;
//   <short>_app   — what the service connects as: LOGIN, no superuser, no BYPASSRLS, only DML,
//                   received through default privileges the owner's future tables inherit.
// Idempotent: re-running converges roles and grants. Serialised with an advisory lock because
// parallel test workers provision concurrently and CREATE/ALTER ROLE race on the catalog.
import { Client } from 'pg';
import { withCredentials } from './connection-url';

export interface ProvisionServiceDatabaseOptions {
  database: string;
  short: string;
  /**
   * Role passwords. Default: deterministic development passwords (`<role>-dev-password`), acceptable
   * only for the embedded cluster, which listens on 127.0.0.1. Anything else passes real secrets.
   */
  ownerPassword?: string;
  appPassword?: string;
}

export interface ProvisionedDatabase {
  database: string;
  ownerRole: string;
  appRole: string;
  ownerUrl: string;
  appUrl: string;
}

const PROVISION_LOCK = 0x6c78_7072; // "lxpr": any constant shared by every provisioner
const IDENTIFIER = /^[a-z][a-z0-9_]{0,62}$/;

function assertIdentifier(kind: string, value: string): void {
  if (!IDENTIFIER.test(value)) {
    throw new Error(`${kind} "${value}" must match ${IDENTIFIER.source} (lower-case, digits, underscores)`);
  }
}

export function devPassword(role: string): string {
  return `${role}-dev-password`;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'lianxin-provision' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function ensureRole(client: Client, role: string, password: string, attributes: string): Promise<void> {
  const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  const verb = exists.rowCount === 0 ? 'CREATE' : 'ALTER';
  await client.query(
    `${verb} ROLE ${client.escapeIdentifier(role)} WITH ${attributes} PASSWORD ${client.escapeLiteral(password)}`,
  );
}

async function ensureDatabase(
  client: Client,
  database: string,
  ownerRole: string,
  appRole: string,
): Promise<void> {
  const db = client.escapeIdentifier(database);
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) {
    await client.query(`CREATE DATABASE ${db} OWNER ${client.escapeIdentifier(ownerRole)} ENCODING 'UTF8'`);
  }
  // Only this service's roles may connect: other services' app roles stay out.
  await client.query(`REVOKE ALL ON DATABASE ${db} FROM PUBLIC`);
  await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${db} TO ${client.escapeIdentifier(appRole)}`);
}

async function grantInsideDatabase(client: Client, ownerRole: string, appRole: string): Promise<void> {
  const owner = client.escapeIdentifier(ownerRole);
  const app = client.escapeIdentifier(appRole);
  const statements = [
    `ALTER SCHEMA public OWNER TO ${owner}`,
    'REVOKE CREATE ON SCHEMA public FROM PUBLIC',
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    // Everything the owner creates later (migrations) is readable/writable by the app role…
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} GRANT USAGE ON SCHEMAS TO ${app}`,
    // …and so is what already exists (provisioning again after migrations converges).
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
  ];
  for (const statement of statements) await client.query(statement);
}

export async function provisionServiceDatabase(
  adminUrl: string,
  { database, short, ownerPassword, appPassword }: ProvisionServiceDatabaseOptions,
): Promise<ProvisionedDatabase> {
  assertIdentifier('database', database);
  assertIdentifier('short name', short);
  const ownerRole = `${short}_owner`;
  const appRole = `${short}_app`;
  const ownerSecret = ownerPassword ?? devPassword(ownerRole);
  const appSecret = appPassword ?? devPassword(appRole);

  await withClient(adminUrl, async (admin) => {
    await admin.query('SELECT pg_advisory_lock($1)', [PROVISION_LOCK]);
    try {
      await ensureRole(
        admin,
        ownerRole,
        ownerSecret,
        'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS',
      );
      await ensureRole(admin, appRole, appSecret, 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS');
      await ensureDatabase(admin, database, ownerRole, appRole);
      const databaseAdminUrl = new URL(adminUrl);
      databaseAdminUrl.pathname = `/${encodeURIComponent(database)}`;
      await withClient(databaseAdminUrl.toString(), (client) =>
        grantInsideDatabase(client, ownerRole, appRole),
      );
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [PROVISION_LOCK]);
    }
  });

  return {
    database,
    ownerRole,
    appRole,
    ownerUrl: withCredentials(adminUrl, ownerRole, ownerSecret, database),
    appUrl: withCredentials(adminUrl, appRole, appSecret, database),
  };
}
