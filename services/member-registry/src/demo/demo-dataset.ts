import type { z } from 'zod';
import type {
  cadreRank,
  educationLevel,
  hardshipStatus,
  memberCategory,
  partyGroupType,
  responsibilityArea,
} from '@lianxin/contracts';
import type { NewHouseholdRecord } from '../households/infrastructure/household-writer';
import type { NewMemberRecord } from '../members/infrastructure/member-writer';
import { buildResidentId } from '../shared/domain/resident-id';
import type { OrgUnitKind } from '../shared/domain/labels';
import { SeededRandom } from './seeded-random';

// Demo data built from the seeds' numbers (seed 001 §2 for Dahe, seed 002 for Zhenzi) with the
// ids, codes and paths of CONVENTIONS.md "Ports and demo tenancy". Pure: the same output on
// every run, so the loader is idempotent and the statistics test can expect exact figures.

/**
 * Ages are computed against this date. Birth dates avoid the boundary years (under-45 members
 * are born 1983 or later, the others 1979 or earlier), so "under 45" stays exactly 231 in Dahe for
 * any reference date from 2025-01-01 to 2027-12-31.
 */
export const DEMO_REFERENCE_DATE = '2026-06-30';
export const DEMO_ACTIVITY_MONTH = '2026-05';

export const DEMO_IDS = {
  city: '0190a000-0000-7000-8000-000000000000',
  taoyuan: '0190a000-0000-7000-8000-000000000001',
  xishan: '0190a000-0000-7000-8000-000000000002',
  dahe: '0190a000-0000-7000-8000-000000000011',
  zhenzi: '0190a000-0000-7000-8000-000000000021',
} as const;

/** Seed 001 §2, the figures the statistics test expects for Dahe. */
export const DAHE_FIGURES = {
  branches: 20,
  members: 367,
  rural: 294,
  female: 73,
  minority: 199,
  under45: 231,
  highSchoolOrAbove: 141,
} as const;
/** Seed 002. */
export const ZHENZI_FIGURES = {
  villages: 59,
  communities: 2,
  branches: 108,
  members: 2659,
  ruralMembers: 1823,
  responsibilityGroups: 305,
} as const;

export interface DemoUnit {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  kind: OrgUnitKind;
  level: 'city' | 'district' | 'township' | 'village' | 'branch';
  rural: boolean;
  districtId: string | null;
  path: string;
  depth: number;
}

export interface DemoGroup {
  id: string;
  branch: DemoUnit;
  name: string;
  groupType: z.infer<typeof partyGroupType>;
  responsibilityArea: z.infer<typeof responsibilityArea> | null;
  memberIds: string[];
  leaderId: string;
  formedOn: string;
  activityOn: string | null;
}

export interface DemoPostType {
  id: string;
  unit: DemoUnit;
  code: string;
  name: string;
  duties: string[];
}

export interface DemoDataset {
  units: DemoUnit[];
  members: NewMemberRecord[];
  households: NewHouseholdRecord[];
  groups: DemoGroup[];
  postTypes: DemoPostType[];
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '马',
  '韩',
  '才',
  '索',
  '扎',
  '多',
];
const GIVEN = [
  '建国',
  '秀英',
  '桂兰',
  '志强',
  '海燕',
  '国庆',
  '玉兰',
  '卓玛',
  '措姆',
  '德吉',
  '拉姆',
  '明',
  '红',
  '军',
  '平',
  '兰',
  '文',
  '勇',
  '静',
  '华',
];
const MINORITIES = ['藏族', '回族', '土族', '蒙古族', '撒拉族'];
const DAHE_VILLAGES = [
  '红旗',
  '团结',
  '新华',
  '东风',
  '胜利',
  '和平',
  '光明',
  '前进',
  '幸福',
  '友谊',
  '建设',
  '丰收',
  '跃进',
  '永安',
  '长青',
  '向阳',
  '富民',
];
const SPECIALTIES = [
  'agri_tech',
  'animal_husbandry',
  'mediation',
  'law',
  'health_care',
  'construction',
  'e_commerce',
  'culture_arts',
  'accounting',
  'driving',
];
const NEEDS = [
  'schooling',
  'housing_repair',
  'medical',
  'employment',
  'elderly_care',
  'agri_inputs',
  'legal_aid',
];
const HIGH: z.infer<typeof educationLevel>[] = ['senior_high', 'vocational', 'junior_college', 'bachelor'];
const LOW: z.infer<typeof educationLevel>[] = ['primary_or_below', 'junior_high'];
const AREAS: z.infer<typeof responsibilityArea>[] = [
  'economy',
  'environment',
  'livelihood',
  'culture',
  'stability',
];
const AREA_NAMES: Record<z.infer<typeof responsibilityArea>, string> = {
  economy: '经济',
  environment: '环境',
  livelihood: '民生',
  culture: '文化',
  stability: '维稳',
};
const ACTIVITY_GROUPS: { type: z.infer<typeof partyGroupType>; name: string }[] = [
  { type: 'family_planning', name: '计生服务' },
  { type: 'traffic', name: '交通管理' },
  { type: 'patrol', name: '治安巡逻' },
  { type: 'mediation', name: '矛盾调解' },
  { type: 'industry', name: '产业发展' },
  { type: 'labour', name: '劳工服务' },
];
const POST_TYPES: [string, string, string[]][] = [
  ['economic-development', '经济发展岗', ['lead_enterprise', 'share_market_info']],
  ['village-affairs-supervision', '村务监督岗', ['supervise_finances', 'supervise_projects']],
  ['tech-info-service', '技术信息服务岗', ['teach_skills', 'share_market_info']],
  ['environmental-sanitation', '环境卫生岗', ['keep_roads_clean', 'mobilise_clean_ups']],
  ['comprehensive-governance', '综合治理岗', ['patrol', 'report_risks']],
  ['dispute-mediation', '矛盾调解岗', ['mediate_disputes']],
  ['policy-publicity', '政策宣传岗', ['explain_policies']],
  ['care-and-help', '关爱帮扶岗', ['visit_elderly', 'help_hardship_families']],
  ['culture-activities', '文化活动岗', ['organise_events']],
  ['safety-patrol', '治安巡逻岗', ['night_patrol']],
  ['family-planning-service', '计生服务岗', ['family_planning_service']],
];

/** Exactly `count` of `total` indices, chosen by the generator. */
function chosen(random: SeededRandom, total: number, count: number): Set<number> {
  return new Set(random.shuffle(Array.from({ length: total }, (_, i) => i)).slice(0, count));
}

/** Splits `total` as evenly as possible over `parts`, larger shares first. */
function spread(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

class Builder {
  readonly units: DemoUnit[] = [];
  readonly members: NewMemberRecord[] = [];
  readonly households: NewHouseholdRecord[] = [];
  readonly groups: DemoGroup[] = [];
  readonly postTypes: DemoPostType[] = [];
  private readonly usedIds = new Set<string>();
  private mobileSeq = 0;

  constructor(readonly random: SeededRandom) {}

  unit(
    parent: DemoUnit | null,
    code: string,
    name: string,
    kind: OrgUnitKind,
    level: DemoUnit['level'],
    rural: boolean,
    id?: string,
  ): DemoUnit {
    const unitId = id ?? this.random.uuid();
    const unit: DemoUnit = {
      id: unitId,
      parentId: parent?.id ?? null,
      code,
      name,
      kind,
      level,
      rural,
      districtId: level === 'district' ? unitId : (parent?.districtId ?? null),
      path: `${parent?.path ?? '/'}${code}/`,
      depth: parent ? parent.depth + 1 : 0,
    };
    this.units.push(unit);
    return unit;
  }

  residentId(area: string, birthDate: string, male: boolean): string {
    for (let seq = this.random.int(0, 499) * 2 + (male ? 1 : 0); ; seq = (seq + 2) % 1000) {
      const id = buildResidentId(area, birthDate, seq);
      if (!this.usedIds.has(id)) {
        this.usedIds.add(id);
        return id;
      }
    }
  }

  mobile(): string {
    this.mobileSeq += 1;
    return `1${3 + (this.mobileSeq % 7)}${String(20_000_000 + this.mobileSeq * 37).padStart(9, '0')}`;
  }

  name(): string {
    return this.random.pick(SURNAMES) + this.random.pick(GIVEN);
  }
}

interface Traits {
  female: boolean;
  minority: boolean;
  under45: boolean;
  highSchool: boolean;
}

function addMember(
  b: Builder,
  branch: DemoUnit,
  area: string,
  traits: Traits,
  category: z.infer<typeof memberCategory>,
  rank: z.infer<typeof cadreRank>,
): NewMemberRecord {
  const r = b.random;
  const birthDate = traits.under45
    ? r.dateBetween('1983-01-01', '2003-12-31')
    : r.dateBetween('1946-01-01', '1979-12-31');
  const joinFrom = `${Number(birthDate.slice(0, 4)) + 19}-01-01`;
  const member: NewMemberRecord = {
    id: r.uuid(),
    branchId: branch.id,
    districtId: branch.districtId,
    orgPath: branch.path,
    name: b.name(),
    gender: traits.female ? 'female' : 'male',
    ethnicity: traits.minority ? r.pick(MINORITIES) : '汉族',
    birthDate,
    educationLevel: traits.highSchool ? r.pick(HIGH) : r.pick(LOW),
    joinedAt: r.dateBetween(joinFrom < '2024-06-30' ? joinFrom : '2024-01-01', '2024-06-30'),
    mobile: b.mobile(),
    residentId: b.residentId(area, birthDate, !traits.female),
    category,
    hasPost: category === 'cadre' || r.next() < 0.3,
    cadreRank: rank,
    position: category === 'cadre' ? (branch.rural ? '村党支部委员' : '乡镇干部') : null,
    specialties: r.shuffle(SPECIALTIES).slice(0, r.int(0, 2)),
    rural: branch.rural,
    phoneOnCard: r.next() < 0.6,
  };
  b.members.push(member);
  return member;
}

const CADRE_RANKS_CYCLE: z.infer<typeof cadreRank>[] = [
  'section_chief_or_above',
  'township_cadre',
  'other_cadre',
  'department_head',
  'township_cadre',
  'other_cadre',
];

/** Category and rank for the i-th member of a branch: a few cadres of every rank, migrants, elderly. */
function roleFor(
  b: Builder,
  rural: boolean,
  i: number,
  cadreCounter: { n: number; countyLeader?: boolean },
): [z.infer<typeof memberCategory>, z.infer<typeof cadreRank>] {
  if (!rural && i < 6) {
    cadreCounter.n += 1;
    // One county-level leader per township (stationed there) keeps every rank present.
    if (!cadreCounter.countyLeader) {
      cadreCounter.countyLeader = true;
      return ['cadre', 'county_leader'];
    }
    return ['cadre', CADRE_RANKS_CYCLE[cadreCounter.n % CADRE_RANKS_CYCLE.length]];
  }
  if (rural && i < 2) {
    cadreCounter.n += 1;
    return ['cadre', i === 0 ? 'other_cadre' : 'township_cadre'];
  }
  const x = b.random.next();
  if (x < 0.1) return ['migrant', 'none'];
  if (x < 0.2) return ['elderly_sick_disabled', 'none'];
  return ['ordinary', 'none'];
}

function addHouseholds(
  b: Builder,
  village: DemoUnit,
  count: number,
  area: string,
  migrantMembers: number,
): void {
  const r = b.random;
  for (let i = 0; i < count; i += 1) {
    const x = r.next();
    const hardship: z.infer<typeof hardshipStatus> =
      x < 0.1 ? 'poor' : x < 0.18 ? 'low_income' : x < 0.21 ? 'extreme_hardship' : 'none';
    const birthDate = r.dateBetween('1950-01-01', '1990-12-31');
    const male = r.next() < 0.7;
    b.households.push({
      id: r.uuid(),
      villageId: village.id,
      districtId: village.districtId,
      orgPath: village.path,
      headName: b.name(),
      residentId: b.residentId(area, birthDate, male),
      mobile: r.next() < 0.8 ? b.mobile() : null,
      address: `${village.name}${r.int(1, 8)}组${r.int(1, 60)}号`,
      size: r.int(1, 7),
      hardshipStatus: hardship,
      needs: hardship === 'none' ? [] : r.shuffle(NEEDS).slice(0, r.int(1, 3)),
      isMigrantMemberHousehold: i < migrantMembers,
    });
  }
}

function addGroup(
  b: Builder,
  branch: DemoUnit,
  members: NewMemberRecord[],
  size: number,
  kind: {
    type: z.infer<typeof partyGroupType>;
    area: z.infer<typeof responsibilityArea> | null;
    name: string;
  },
  active: boolean,
): void {
  const chosenMembers = members.splice(0, size);
  if (chosenMembers.length === 0) return;
  b.groups.push({
    id: b.random.uuid(),
    branch,
    name: `${branch.name.replace(/党支部$/, '')}${kind.name}`,
    groupType: kind.type,
    responsibilityArea: kind.area,
    memberIds: chosenMembers.map((m) => m.id),
    leaderId: chosenMembers[0].id,
    formedOn: '2026-02-20',
    activityOn: active ? `${DEMO_ACTIVITY_MONTH}-${String(b.random.int(1, 28)).padStart(2, '0')}` : null,
  });
}

function buildDahe(b: Builder, taoyuan: DemoUnit): void {
  const r = b.random;
  const dahe = b.unit(taoyuan, 'dahe', '大河乡', 'township', 'township', true, DEMO_IDS.dahe);
  const ruralSizes = spread(DAHE_FIGURES.rural, 17);
  const townSizes = spread(DAHE_FIGURES.members - DAHE_FIGURES.rural, 3);
  const branches: { branch: DemoUnit; size: number }[] = [];
  for (let v = 0; v < 17; v += 1) {
    const code = `v-${String(v + 1).padStart(2, '0')}`;
    const village = b.unit(dahe, code, `${DAHE_VILLAGES[v]}村`, 'village', 'village', true);
    branches.push({
      branch: b.unit(village, 'b-01', `${village.name}党支部`, 'branch', 'branch', true),
      size: ruralSizes[v],
    });
    addHouseholds(b, village, 12, '632123', 1);
  }
  const community = b.unit(dahe, 'c-dahe', '大河社区', 'community', 'village', false);
  ['乡机关党支部', '乡中心学校党支部', '乡卫生院党支部'].forEach((name, i) => {
    branches.push({
      branch: b.unit(community, `b-${String(i + 1).padStart(2, '0')}`, name, 'branch', 'branch', false),
      size: townSizes[i],
    });
  });
  addHouseholds(b, community, 10, '632123', 0);

  const total = DAHE_FIGURES.members;
  const female = chosen(r, total, DAHE_FIGURES.female);
  const minority = chosen(r, total, DAHE_FIGURES.minority);
  const under45 = chosen(r, total, DAHE_FIGURES.under45);
  const highSchool = chosen(r, total, DAHE_FIGURES.highSchoolOrAbove);
  let index = 0;
  const cadres: { n: number; countyLeader?: boolean } = { n: 0 };
  for (const { branch, size } of branches) {
    const inBranch: NewMemberRecord[] = [];
    for (let i = 0; i < size; i += 1, index += 1) {
      const [category, rank] = roleFor(b, branch.rural, i, cadres);
      inBranch.push(
        addMember(
          b,
          branch,
          '632123',
          {
            female: female.has(index),
            minority: minority.has(index),
            under45: under45.has(index),
            highSchool: highSchool.has(index),
          },
          category,
          rank,
        ),
      );
    }
    // Activity groups of seed 000 in the village branches: two per branch, 5–8 members each.
    if (branch.rural) {
      const pool = [...inBranch];
      const kinds = r.shuffle(ACTIVITY_GROUPS).slice(0, 2);
      kinds.forEach((kind, k) =>
        addGroup(
          b,
          branch,
          pool,
          k === 0 ? r.int(5, 8) : 4 + (index % 3),
          { type: kind.type, area: null, name: `${kind.name}党小组` },
          r.next() < 0.85,
        ),
      );
    }
  }
  for (const [code, name, duties] of POST_TYPES)
    b.postTypes.push({ id: r.uuid(), unit: dahe, code, name, duties });
}

function buildZhenzi(b: Builder, xishan: DemoUnit): void {
  const r = b.random;
  const zhenzi = b.unit(xishan, 'zhenzi', '镇子镇', 'town', 'township', true, DEMO_IDS.zhenzi);
  const villageBranches: DemoUnit[] = [];
  for (let v = 0; v < ZHENZI_FIGURES.villages; v += 1) {
    const village = b.unit(
      zhenzi,
      `v-${String(v + 1).padStart(2, '0')}`,
      `镇子${v + 1}村`,
      'village',
      'village',
      true,
    );
    villageBranches.push(b.unit(village, 'b-01', `${village.name}党支部`, 'branch', 'branch', true));
    addHouseholds(b, village, 8, '130223', 1);
  }
  const otherBranches: DemoUnit[] = [];
  const otherCount = ZHENZI_FIGURES.branches - ZHENZI_FIGURES.villages;
  const perCommunity = spread(otherCount, ZHENZI_FIGURES.communities);
  for (let c = 0; c < ZHENZI_FIGURES.communities; c += 1) {
    const community = b.unit(
      zhenzi,
      `c-${String(c + 1).padStart(2, '0')}`,
      `镇子第${c + 1}居委会`,
      'community',
      'village',
      false,
    );
    for (let i = 0; i < perCommunity[c]; i += 1) {
      otherBranches.push(
        b.unit(
          community,
          `b-${String(i + 1).padStart(2, '0')}`,
          `${community.name}第${i + 1}党支部`,
          'branch',
          'branch',
          false,
        ),
      );
    }
    addHouseholds(b, community, 12, '130223', 0);
  }
  const ruralSizes = spread(ZHENZI_FIGURES.ruralMembers, villageBranches.length);
  const otherSizes = spread(ZHENZI_FIGURES.members - ZHENZI_FIGURES.ruralMembers, otherBranches.length);
  const cadres: { n: number; countyLeader?: boolean } = { n: 0 };
  const understaffed = new Set([3, 17, 41]);
  villageBranches.forEach((branch, v) => {
    const inBranch = Array.from({ length: ruralSizes[v] }, (_, i) => {
      const [category, rank] = roleFor(b, true, i, cadres);
      return addMember(
        b,
        branch,
        '130223',
        {
          female: r.next() < 0.28,
          minority: r.next() < 0.05,
          under45: r.next() < 0.45,
          highSchool: r.next() < 0.35,
        },
        category,
        rank,
      );
    });
    // Five responsibility groups per village (002): 59 × 5 = 295.
    const pool = [...inBranch];
    AREAS.forEach((area, a) =>
      addGroup(
        b,
        branch,
        pool,
        understaffed.has(v) && a === 0 ? 4 : 5,
        { type: 'responsibility', area, name: `${AREA_NAMES[area]}责任小组` },
        r.next() < 0.9,
      ),
    );
  });
  otherBranches.forEach((branch, i) => {
    const inBranch = Array.from({ length: otherSizes[i] }, (_, k) => {
      const [category, rank] = roleFor(b, false, k, cadres);
      return addMember(
        b,
        branch,
        '130223',
        {
          female: r.next() < 0.4,
          minority: r.next() < 0.05,
          under45: r.next() < 0.55,
          highSchool: r.next() < 0.7,
        },
        category,
        rank,
      );
    });
    // The communities' ten responsibility groups (2 × 5 areas), one per branch: 295 + 10 = 305.
    if (i % perCommunity[0] < AREAS.length) {
      const area = AREAS[i % perCommunity[0]];
      addGroup(
        b,
        branch,
        [...inBranch].slice(6),
        5,
        { type: 'responsibility', area, name: `${AREA_NAMES[area]}责任小组` },
        true,
      );
    }
  });
  for (const [code, name, duties] of POST_TYPES)
    b.postTypes.push({ id: r.uuid(), unit: zhenzi, code, name, duties });
}

export function buildDemoDataset(): DemoDataset {
  const b = new Builder(new SeededRandom(20131107));
  const city = b.unit(null, 'lx', '连心市', 'city', 'city', false, DEMO_IDS.city);
  const taoyuan = b.unit(city, 'taoyuan', '桃源县', 'county', 'district', false, DEMO_IDS.taoyuan);
  const xishan = b.unit(city, 'xishan', '西山区', 'district', 'district', false, DEMO_IDS.xishan);
  buildDahe(b, taoyuan);
  buildZhenzi(b, xishan);
  return {
    units: b.units,
    members: b.members,
    households: b.households,
    groups: b.groups,
    postTypes: b.postTypes,
  };
}
