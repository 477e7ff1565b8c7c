/**
 * Demo accounts of the development issuer: one per role in each demo district, plus a city
 * admin (CONVENTIONS "Ports and demo tenancy"). The ids, codes and paths are the ones the
 * registry's demo loader creates. Never used when NODE_ENV=production (the issuer is off).
 */
export type DemoRole =
  | 'city_admin'
  | 'district_admin'
  | 'township_admin'
  | 'branch_secretary'
  | 'member'
  | 'auditor'
  | 'fund_treasurer'
  | 'fund_approver';

export interface DemoAccount {
  readonly username: string;
  /** Token `sub`. */
  readonly id: string;
  readonly name: string;
  readonly role: DemoRole;
  /** District name for display, or null for city-wide accounts. */
  readonly district: string | null;
  readonly districtId: string | null;
  readonly scope: string;
}

export const DEMO_PASSWORD = 'lianxin-demo';

export const DEMO_CITY = { code: 'lx', id: '0190a000-0000-7000-8000-000000000000', path: '/lx/' } as const;

export const DEMO_DISTRICTS = [
  {
    code: 'taoyuan',
    name: '桃源县',
    id: '0190a000-0000-7000-8000-000000000001',
    path: '/lx/taoyuan/',
    townshipPath: '/lx/taoyuan/dahe/',
  },
  {
    code: 'xishan',
    name: '西山区',
    id: '0190a000-0000-7000-8000-000000000002',
    path: '/lx/xishan/',
    townshipPath: '/lx/xishan/zhenzi/',
  },
] as const;

const DISTRICT_ROLES: readonly { role: DemoRole; label: string; level: 'district' | 'township' }[] = [
  { role: 'district_admin', label: '区县管理员', level: 'district' },
  { role: 'township_admin', label: '乡镇管理员', level: 'township' },
  // Branch-level accounts act in the township subtree in the demo: branch codes are generated
  // by the registry's demo loader, so a fixed branch path here could point at nothing.
  { role: 'branch_secretary', label: '支部书记', level: 'township' },
  { role: 'member', label: '党员', level: 'township' },
  { role: 'auditor', label: '审计员', level: 'district' },
  { role: 'fund_treasurer', label: '协会出纳', level: 'district' },
  { role: 'fund_approver', label: '协会审批人', level: 'district' },
];

function districtAccounts(): DemoAccount[] {
  return DEMO_DISTRICTS.flatMap((district) =>
    DISTRICT_ROLES.map(({ role, label, level }) => ({
      username: `${district.code}.${role.replace(/_/g, '-')}`,
      id: `demo-${district.code}-${role.replace(/_/g, '-')}`,
      name: `${district.name}${label}`,
      role,
      district: district.name,
      districtId: district.id,
      scope: level === 'district' ? district.path : district.townshipPath,
    })),
  );
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = Object.freeze([
  {
    username: 'city.city-admin',
    id: 'demo-city-admin',
    name: '连心市管理员',
    role: 'city_admin',
    district: null,
    districtId: null,
    scope: DEMO_CITY.path,
  },
  ...districtAccounts(),
]);

export function findDemoAccount(username: string): DemoAccount | undefined {
  return DEMO_ACCOUNTS.find((account) => account.username === username);
}
