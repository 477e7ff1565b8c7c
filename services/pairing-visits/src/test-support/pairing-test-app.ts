import { signTestToken, testVerifierOptions, type Actor } from '@lianxin/auth';
import { createHttpApp, InMemoryIdempotencyStore } from '@lianxin/platform-http';
import { createDataSource, inTransaction, SYSTEM_SCOPE } from '@lianxin/platform-persistence';
import { createLogger } from '@lianxin/platform-telemetry';
import { createTestDatabase, type TestDatabase } from '@lianxin/testing';
import { type INestApplication } from '@nestjs/common';
import { DiaryWriteLane } from '../visits/api/diary-write-lane';
import { PAIRING_ENTITIES } from '../database/entities';
import { PAIRING_MIGRATIONS } from '../database/migrations';
import { PairingAppModule } from '../pairing-app.module';
import { RegistryEventsConsumer } from '../projections/api/registry-events.consumer';
import { Clock } from '../shared/application/clock';
import { recountTallies } from '../quota-progress/infrastructure/quota-tally.repository';
import { RegistryFixture, TAOYUAN_ID, XISHAN_ID } from './registry-fixture';

export class TestClock extends Clock {
  constructor(private current: Date) {
    super();
  }
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(instant: string): void {
    this.current = new Date(instant);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}

export const ACTORS = {
  taoyuanAdmin: {
    id: 'u-taoyuan-admin',
    name: '桃源管理员',
    roles: ['district_admin'],
    scope: '/lx/taoyuan/',
    districtId: TAOYUAN_ID,
  },
  daheAdmin: {
    id: 'u-dahe-admin',
    name: '大河乡管理员',
    roles: ['township_admin'],
    scope: '/lx/taoyuan/dahe/',
    districtId: TAOYUAN_ID,
  },
  xishanAdmin: {
    id: 'u-xishan-admin',
    name: '西山管理员',
    roles: ['district_admin'],
    scope: '/lx/xishan/',
    districtId: XISHAN_ID,
  },
  cityAdmin: { id: 'u-city-admin', name: '市管理员', roles: ['city_admin'], scope: '/lx/', districtId: null },
  auditor: {
    id: 'u-taoyuan-auditor',
    name: '审计',
    roles: ['auditor'],
    scope: '/lx/taoyuan/',
    districtId: TAOYUAN_ID,
  },
} satisfies Record<string, Actor>;

/** A member acting as themself (the token subject is their member id). */
export function memberActor(memberId: string, scope = '/lx/taoyuan/'): Actor {
  return { id: memberId, name: '党员', roles: ['member'], scope, districtId: TAOYUAN_ID };
}

export interface PairingTestApp {
  readonly app: INestApplication;
  readonly db: TestDatabase;
  readonly clock: TestClock;
  readonly registry: RegistryFixture;
  readonly consumer: RegistryEventsConsumer;
  token(actor: Actor): Promise<string>;
  /** Runs SQL with the system scope (tables force RLS even for their owner). */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Outbox rows written so far, oldest first. */
  outbox(): Promise<{ topic: string; type: string; aggregateId: string; data: Record<string, unknown> }[]>;
  close(): Promise<void>;
}

/** Its own database (migrated as owner, used as the app role so RLS applies), the real HTTP app, the org tree. */
export async function createPairingTestApp(
  now = '2026-07-01T02:00:00Z',
  options: { diaryWriteLane?: boolean } = {},
): Promise<PairingTestApp> {
  const db = await createTestDatabase({
    short: 'pairing',
    migrations: [...PAIRING_MIGRATIONS],
    entities: PAIRING_ENTITIES,
    createDataSource: ({ url, name, migrations }) =>
      createDataSource({ url, name, entities: PAIRING_ENTITIES, migrations, poolSize: 4 }),
  });
  const clock = new TestClock(new Date(now));
  const app = await createHttpApp(
    PairingAppModule.forRoot({
      dataSource: db.dataSource,
      verifier: await testVerifierOptions(),
      spotCheckDefaultShare: 0.5,
      clock,
    }),
    {
      serviceName: 'pairing-visits',
      idempotencyStore: new InMemoryIdempotencyStore(),
      logger: createLogger('pairing-visits', { level: 'silent' }),
      // As in production, unless a test compares the lane with the Nest pipeline it stands in for.
      ...(options.diaryWriteLane === false
        ? {}
        : { preRouter: { fromApp: (app, platform) => DiaryWriteLane.fromApp(app, platform) } }),
    },
  );
  const consumer = new RegistryEventsConsumer(db.dataSource);
  const registry = new RegistryFixture(consumer);
  await registry.orgTree();
  return {
    app,
    db,
    clock,
    registry,
    consumer,
    token: async (actor) => `Bearer ${await signTestToken(actor)}`,
    query: <T>(sql: string, params: unknown[] = []) =>
      inTransaction(db.dataSource, SYSTEM_SCOPE, async (tx) => (await tx.manager.query(sql, params)) as T[]),
    outbox: async () => {
      const rows = (await db.ownerDataSource.query('SELECT topic, payload FROM outbox ORDER BY seq')) as {
        topic: string;
        payload: unknown;
      }[];
      return rows.map((row) => {
        const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as {
          type: string;
          aggregateId: string;
          data: Record<string, unknown>;
        };
        return { topic: row.topic, type: payload.type, aggregateId: payload.aggregateId, data: payload.data };
      });
    },
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** The tallies quota progress reads, and a recount of the source rows: they must be equal. */
export async function talliesAndRecount(
  t: PairingTestApp,
  year: number,
): Promise<{
  tallies: { cadreId: string; visits: number; problemsSolved: number; grassrootsDays: number }[];
  recount: unknown[];
}> {
  const tallies = await t.query<{
    cadreId: string;
    visits: number;
    problemsSolved: number;
    grassrootsDays: number;
  }>(
    `SELECT cadre_id AS "cadreId", visits, practical_matters + tickets_solved AS "problemsSolved", grassroots_days AS "grassrootsDays"
       FROM quota_tallies WHERE year = $1 AND (visits + practical_matters + tickets_solved + grassroots_days) > 0 ORDER BY cadre_id`,
    [year],
  );
  const recount = await inTransaction(t.db.dataSource, SYSTEM_SCOPE, (tx) =>
    recountTallies(tx.manager, year),
  );
  return { tallies, recount };
}
