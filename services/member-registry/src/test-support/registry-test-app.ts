import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { signTestToken, testVerifierOptions, type Actor } from '@lianxin/auth';
import { createHttpApp, InMemoryIdempotencyStore } from '@lianxin/platform-http';
import { createDataSource, inTransaction, SYSTEM_SCOPE } from '@lianxin/platform-persistence';
import { createLogger } from '@lianxin/platform-telemetry';
import { createTestDatabase, type TestDatabase } from '@lianxin/testing';
import { REGISTRY_ENTITIES, REGISTRY_MIGRATIONS } from '../database/registry-schema';
import { RegistryAppModule } from '../registry-app.module';
import type { RegistrySettings } from '../shared/application/registry-tokens';
import { PiiCipher } from '../shared/infrastructure/pii-cipher';

// Test harness for the registry: its own database (migrated as owner, used as the app role so RLS
// applies), the real HTTP app, and tokens for actors of the two demo districts.

export const CITY_ID = '0190a000-0000-7000-8000-000000000000';
export const TAOYUAN_ID = '0190a000-0000-7000-8000-000000000001';
export const XISHAN_ID = '0190a000-0000-7000-8000-000000000002';

export const ACTORS = {
  taoyuanAdmin: {
    id: 'u-taoyuan-admin',
    name: '桃源管理员',
    roles: ['district_admin'],
    scope: '/lx/taoyuan/',
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
  taoyuanSecretary: {
    id: 'u-taoyuan-sec',
    name: '支部书记',
    roles: ['branch_secretary'],
    scope: '/lx/taoyuan/',
    districtId: TAOYUAN_ID,
  },
  taoyuanAuditor: {
    id: 'u-taoyuan-auditor',
    name: '审计',
    roles: ['auditor'],
    scope: '/lx/taoyuan/',
    districtId: TAOYUAN_ID,
  },
} satisfies Record<string, Actor>;

export interface RegistryTestApp {
  app: INestApplication;
  db: TestDatabase;
  cipher: PiiCipher;
  settings: {
    objectionWindowDays: number;
    memberCardBaseUrl: string;
    today: () => string;
    setToday(date: string): void;
  };
  token(actor: Actor): Promise<string>;
  close(): Promise<void>;
}

export async function createRegistryTestApp(): Promise<RegistryTestApp> {
  const db = await createTestDatabase({
    short: 'registry',
    migrations: REGISTRY_MIGRATIONS,
    entities: REGISTRY_ENTITIES,
    createDataSource: (input) =>
      createDataSource({
        url: input.url,
        name: input.name,
        entities: REGISTRY_ENTITIES,
        migrations: input.migrations,
        poolSize: 4,
      }),
  });
  const cipher = new PiiCipher(randomBytes(32));
  let today = '2026-06-30';
  const settings: RegistryTestApp['settings'] & RegistrySettings = {
    objectionWindowDays: 5,
    memberCardBaseUrl: 'https://cards.test/c/',
    today: () => today,
    setToday: (date: string) => {
      today = date;
    },
  };
  const app = await createHttpApp(
    RegistryAppModule.forRoot({
      dataSource: db.dataSource,
      cipher,
      settings,
      verifier: await testVerifierOptions(),
    }),
    {
      serviceName: 'member-registry',
      idempotencyStore: new InMemoryIdempotencyStore(),
      logger: createLogger('member-registry', { level: 'silent' }),
    },
  );
  return {
    app,
    db,
    cipher,
    settings,
    token: async (actor) => `Bearer ${await signTestToken(actor)}`,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** City, both demo districts, and one township → village → branch in each. */
export async function seedTwoDistricts(db: TestDatabase): Promise<Record<string, string>> {
  const ids = {
    city: CITY_ID,
    taoyuan: TAOYUAN_ID,
    xishan: XISHAN_ID,
    tyTownship: '0190a000-0000-7000-8000-00000000f001',
    tyVillage: '0190a000-0000-7000-8000-00000000f002',
    tyBranch: '0190a000-0000-7000-8000-00000000f003',
    tyBranch2: '0190a000-0000-7000-8000-00000000f004',
    xsTownship: '0190a000-0000-7000-8000-00000000f101',
    xsVillage: '0190a000-0000-7000-8000-00000000f102',
    xsBranch: '0190a000-0000-7000-8000-00000000f103',
  };
  const units: [
    string,
    string | null,
    string,
    string,
    string,
    string,
    string | null,
    string,
    number,
    boolean,
  ][] = [
    [ids.city, null, 'lx', '连心市', 'city', 'city', null, '/lx/', 0, false],
    [ids.taoyuan, ids.city, 'taoyuan', '桃源县', 'district', 'county', ids.taoyuan, '/lx/taoyuan/', 1, false],
    [ids.xishan, ids.city, 'xishan', '西山区', 'district', 'district', ids.xishan, '/lx/xishan/', 1, false],
    [
      ids.tyTownship,
      ids.taoyuan,
      'dahe',
      '大河乡',
      'township',
      'township',
      ids.taoyuan,
      '/lx/taoyuan/dahe/',
      2,
      true,
    ],
    [
      ids.tyVillage,
      ids.tyTownship,
      'v-hongqi',
      '红旗村',
      'village',
      'village',
      ids.taoyuan,
      '/lx/taoyuan/dahe/v-hongqi/',
      3,
      true,
    ],
    [
      ids.tyBranch,
      ids.tyVillage,
      'b-01',
      '红旗村党支部',
      'branch',
      'branch',
      ids.taoyuan,
      '/lx/taoyuan/dahe/v-hongqi/b-01/',
      4,
      true,
    ],
    [
      ids.tyBranch2,
      ids.tyVillage,
      'b-02',
      '红旗村第二党支部',
      'branch',
      'branch',
      ids.taoyuan,
      '/lx/taoyuan/dahe/v-hongqi/b-02/',
      4,
      true,
    ],
    [
      ids.xsTownship,
      ids.xishan,
      'zhenzi',
      '镇子镇',
      'township',
      'town',
      ids.xishan,
      '/lx/xishan/zhenzi/',
      2,
      true,
    ],
    [
      ids.xsVillage,
      ids.xsTownship,
      'v-wuzhuang',
      '吴庄子村',
      'village',
      'village',
      ids.xishan,
      '/lx/xishan/zhenzi/v-wuzhuang/',
      3,
      true,
    ],
    [
      ids.xsBranch,
      ids.xsVillage,
      'b-01',
      '吴庄子村党支部',
      'branch',
      'branch',
      ids.xishan,
      '/lx/xishan/zhenzi/v-wuzhuang/b-01/',
      4,
      true,
    ],
  ];
  await inTransaction(db.dataSource, SYSTEM_SCOPE, async (tx) => {
    for (const unit of units) {
      await tx.manager.query(
        'INSERT INTO org_units (id, parent_id, code, name, level, kind, district_id, org_path, depth, rural) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
        unit,
      );
    }
  });
  return ids;
}
