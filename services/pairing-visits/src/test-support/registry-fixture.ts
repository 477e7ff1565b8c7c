import {
  buildEnvelope,
  householdRegisteredV1,
  memberDeactivatedV1,
  memberRegisteredV1,
  memberTransferredOutV1,
  orgUnitCreatedV1,
  REGISTRY_SOURCE,
  SYSTEM_ACTOR,
  type KnownEnvelope,
} from '@lianxin/contracts';
import { type ConsumedEvent } from '@lianxin/platform-messaging';
import { v7 as uuidv7 } from 'uuid';
import { type RegistryEventsConsumer } from '../projections/api/registry-events.consumer';

export const CITY_ID = '0190a000-0000-7000-8000-000000000000';
export const TAOYUAN_ID = '0190a000-0000-7000-8000-000000000001';
export const XISHAN_ID = '0190a000-0000-7000-8000-000000000002';

/** The org tree tests use: two districts, a township with two villages in one, one in the other. */
export const UNITS = {
  city: { id: CITY_ID, parentId: null, code: 'lx', level: 'city', path: '/lx/', districtId: null },
  taoyuan: {
    id: TAOYUAN_ID,
    parentId: CITY_ID,
    code: 'taoyuan',
    level: 'district',
    path: '/lx/taoyuan/',
    districtId: TAOYUAN_ID,
  },
  dahe: {
    id: '0190a000-0000-7000-8000-00000000d001',
    parentId: TAOYUAN_ID,
    code: 'dahe',
    level: 'township',
    path: '/lx/taoyuan/dahe/',
    districtId: TAOYUAN_ID,
  },
  hongqi: {
    id: '0190a000-0000-7000-8000-00000000d002',
    parentId: '0190a000-0000-7000-8000-00000000d001',
    code: 'v-hongqi',
    level: 'village',
    path: '/lx/taoyuan/dahe/v-hongqi/',
    districtId: TAOYUAN_ID,
  },
  hongqiBranch: {
    id: '0190a000-0000-7000-8000-00000000d003',
    parentId: '0190a000-0000-7000-8000-00000000d002',
    code: 'b-01',
    level: 'branch',
    path: '/lx/taoyuan/dahe/v-hongqi/b-01/',
    districtId: TAOYUAN_ID,
  },
  shiqiao: {
    id: '0190a000-0000-7000-8000-00000000d004',
    parentId: '0190a000-0000-7000-8000-00000000d001',
    code: 'v-shiqiao',
    level: 'village',
    path: '/lx/taoyuan/dahe/v-shiqiao/',
    districtId: TAOYUAN_ID,
  },
  shiqiaoBranch: {
    id: '0190a000-0000-7000-8000-00000000d005',
    parentId: '0190a000-0000-7000-8000-00000000d004',
    code: 'b-02',
    level: 'branch',
    path: '/lx/taoyuan/dahe/v-shiqiao/b-02/',
    districtId: TAOYUAN_ID,
  },
  daheBranch: {
    id: '0190a000-0000-7000-8000-00000000d006',
    parentId: '0190a000-0000-7000-8000-00000000d001',
    code: 'b-jiguan',
    level: 'branch',
    path: '/lx/taoyuan/dahe/b-jiguan/',
    districtId: TAOYUAN_ID,
  },
  xishan: {
    id: XISHAN_ID,
    parentId: CITY_ID,
    code: 'xishan',
    level: 'district',
    path: '/lx/xishan/',
    districtId: XISHAN_ID,
  },
  zhenzi: {
    id: '0190a000-0000-7000-8000-00000000e001',
    parentId: XISHAN_ID,
    code: 'zhenzi',
    level: 'township',
    path: '/lx/xishan/zhenzi/',
    districtId: XISHAN_ID,
  },
  wuzhuang: {
    id: '0190a000-0000-7000-8000-00000000e002',
    parentId: '0190a000-0000-7000-8000-00000000e001',
    code: 'v-wuzhuang',
    level: 'village',
    path: '/lx/xishan/zhenzi/v-wuzhuang/',
    districtId: XISHAN_ID,
  },
  wuzhuangBranch: {
    id: '0190a000-0000-7000-8000-00000000e003',
    parentId: '0190a000-0000-7000-8000-00000000e002',
    code: 'b-01',
    level: 'branch',
    path: '/lx/xishan/zhenzi/v-wuzhuang/b-01/',
    districtId: XISHAN_ID,
  },
} as const;

export type UnitKey = keyof typeof UNITS;

type Rank =
  'county_leader' | 'section_chief_or_above' | 'township_cadre' | 'other_cadre' | 'department_head' | 'none';

/**
 * Builds real registry events (validated against the contracts) and feeds them to the
 * projection consumer, as the broker would.
 */
export class RegistryFixture {
  private offset = 0;

  constructor(private readonly consumer: RegistryEventsConsumer) {}

  async deliver(...envelopes: KnownEnvelope[]): Promise<void> {
    const events: ConsumedEvent<KnownEnvelope>[] = envelopes.map((envelope) => ({
      envelope,
      context: { topic: 'test', partition: 0, offset: String((this.offset += 1)), attempt: 1, headers: {} },
    }));
    await this.consumer.applyBatch(events);
  }

  orgUnitEvent(key: UnitKey): KnownEnvelope {
    const unit = UNITS[key];
    return buildEnvelope(orgUnitCreatedV1, {
      source: REGISTRY_SOURCE,
      districtId: unit.districtId,
      orgUnitPath: unit.path,
      aggregateId: unit.id,
      correlationId: 'test-fixture',
      actor: SYSTEM_ACTOR,
      data: {
        orgUnitId: unit.id,
        parentId: unit.parentId,
        code: unit.code,
        level: unit.level,
        unitName: `${unit.code} unit`,
        path: unit.path,
      },
    });
  }

  async orgTree(): Promise<void> {
    await this.deliver(...(Object.keys(UNITS) as UnitKey[]).map((key) => this.orgUnitEvent(key)));
  }

  memberEvent(
    branch: UnitKey,
    rank: Rank,
    id: string = uuidv7(),
    category: 'cadre' | 'ordinary' | 'migrant' = 'cadre',
  ): KnownEnvelope {
    const unit = UNITS[branch];
    return buildEnvelope(memberRegisteredV1, {
      source: REGISTRY_SOURCE,
      districtId: unit.districtId,
      orgUnitPath: unit.path,
      aggregateId: id,
      correlationId: 'test-fixture',
      actor: SYSTEM_ACTOR,
      data: {
        memberId: id,
        branchUnitId: unit.id,
        category,
        hasPost: rank !== 'none',
        cadreRank: rank,
        gender: 'female',
        ethnicityMinority: false,
        birthYear: 1980,
        educationLevel: 'bachelor',
        rural: true,
        joinedAt: '2005-07-01',
        specialties: [],
      },
    });
  }

  async member(branch: UnitKey, rank: Rank = 'township_cadre'): Promise<string> {
    const id = uuidv7();
    await this.deliver(this.memberEvent(branch, rank, id));
    return id;
  }

  householdEvent(
    village: UnitKey,
    hardship: 'poor' | 'low_income' | 'extreme_hardship' | 'none' = 'poor',
    id: string = uuidv7(),
    migrant = false,
  ): KnownEnvelope {
    const unit = UNITS[village];
    return buildEnvelope(householdRegisteredV1, {
      source: REGISTRY_SOURCE,
      districtId: unit.districtId,
      orgUnitPath: unit.path,
      aggregateId: id,
      correlationId: 'test-fixture',
      actor: SYSTEM_ACTOR,
      data: {
        householdId: id,
        villageUnitId: unit.id,
        size: 3,
        hardshipStatus: hardship,
        needs: [],
        isMigrantMemberHousehold: migrant,
      },
    });
  }

  async household(
    village: UnitKey,
    hardship: 'poor' | 'low_income' | 'extreme_hardship' | 'none' = 'poor',
    migrant = false,
  ): Promise<string> {
    const id = uuidv7();
    await this.deliver(this.householdEvent(village, hardship, id, migrant));
    return id;
  }

  transferOutEvent(memberId: string, from: UnitKey): KnownEnvelope {
    const unit = UNITS[from];
    return buildEnvelope(memberTransferredOutV1, {
      source: REGISTRY_SOURCE,
      districtId: unit.districtId,
      orgUnitPath: unit.path,
      aggregateId: memberId,
      correlationId: 'test-fixture',
      actor: SYSTEM_ACTOR,
      data: {
        memberId,
        transferId: uuidv7(),
        fromBranchUnitId: unit.id,
        fromDistrictId: unit.districtId ?? TAOYUAN_ID,
        toBranchUnitId: null,
        toDistrictId: null,
        transferredOn: '2026-05-31',
      },
    });
  }

  deactivationEvent(memberId: string, branch: UnitKey): KnownEnvelope {
    const unit = UNITS[branch];
    return buildEnvelope(memberDeactivatedV1, {
      source: REGISTRY_SOURCE,
      districtId: unit.districtId,
      orgUnitPath: unit.path,
      aggregateId: memberId,
      correlationId: 'test-fixture',
      actor: SYSTEM_ACTOR,
      data: { memberId, reasonCode: 'left_city', effectiveOn: '2026-05-31' },
    });
  }
}
