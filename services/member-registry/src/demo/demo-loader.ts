import {
  memberCardPublishedV1,
  orgUnitCreatedV1,
  partyGroupActivityRecordedV1,
  partyGroupCreatedV1,
  postTypeCreatedV1,
  SYSTEM_ACTOR,
} from '@lianxin/contracts';
import { inTransaction, SYSTEM_SCOPE } from '@lianxin/platform-persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { OutboxBatch } from '../shared/application/outbox-batch';
import { registerHouseholds, registerMembers } from '../shared/application/registration-batch';
import type { PiiCipher } from '../shared/infrastructure/pii-cipher';
import { buildDemoDataset, DEMO_IDS, DEMO_REFERENCE_DATE, type DemoDataset } from './demo-dataset';

export interface DemoLoadResult {
  loaded: boolean;
  units: number;
  members: number;
  households: number;
  groups: number;
  events: number;
}

const CHUNK = 1000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}

/**
 * Loads the demo dataset once, in one transaction (all or nothing), with outbox events so other
 * services build their read models from it like from any other registration. A second run finds
 * the township Dahe and does nothing.
 */
export async function loadDemoData(dataSource: DataSource, cipher: PiiCipher): Promise<DemoLoadResult> {
  return inTransaction(dataSource, SYSTEM_SCOPE, async (tx) => {
    const existing = await tx.manager.query<{ id: string }[]>('SELECT id FROM org_units WHERE id = $1', [
      DEMO_IDS.dahe,
    ]);
    const data = buildDemoDataset();
    if (existing.length > 0)
      return { loaded: false, units: 0, members: 0, households: 0, groups: 0, events: 0 };
    const outbox = new OutboxBatch(tx.manager, SYSTEM_ACTOR);
    await writeUnits(tx.manager, data, outbox);
    for (const part of chunks(data.members)) await registerMembers(tx.manager, cipher, outbox, part);
    for (const part of chunks(data.households)) await registerHouseholds(tx.manager, cipher, outbox, part);
    await writeGroups(tx.manager, data, outbox);
    await writePostTypesAndCards(tx.manager, data, outbox);
    await outbox.flush();
    return {
      loaded: true,
      units: data.units.length,
      members: data.members.length,
      households: data.households.length,
      groups: data.groups.length,
      events: outbox.written,
    };
  });
}

async function writeUnits(manager: EntityManager, data: DemoDataset, outbox: OutboxBatch): Promise<void> {
  const u = data.units;
  await manager.query(
    `INSERT INTO org_units (id, parent_id, code, name, level, kind, rural, district_id, org_path, depth)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::uuid[], $9::text[], $10::int[])`,
    [
      u.map((x) => x.id),
      u.map((x) => x.parentId),
      u.map((x) => x.code),
      u.map((x) => x.name),
      u.map((x) => x.level),
      u.map((x) => x.kind),
      u.map((x) => x.rural),
      u.map((x) => x.districtId),
      u.map((x) => x.path),
      u.map((x) => x.depth),
    ],
  );
  for (const unit of u) {
    await outbox.add(
      orgUnitCreatedV1,
      { districtId: unit.districtId, orgPath: unit.path, aggregateId: unit.id },
      {
        orgUnitId: unit.id,
        parentId: unit.parentId,
        code: unit.code,
        level: unit.level,
        unitName: unit.name,
        path: unit.path,
      },
    );
  }
}

async function writeGroups(manager: EntityManager, data: DemoDataset, outbox: OutboxBatch): Promise<void> {
  for (const part of chunks(data.groups, 500)) {
    await manager.query(
      `INSERT INTO party_groups (id, district_id, org_path, branch_id, name, group_type, responsibility_area, leader_member_id, formed_on)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::date[])`,
      [
        part.map((g) => g.id),
        part.map((g) => g.branch.districtId),
        part.map((g) => g.branch.path),
        part.map((g) => g.branch.id),
        part.map((g) => g.name),
        part.map((g) => g.groupType),
        part.map((g) => g.responsibilityArea),
        part.map((g) => g.leaderId),
        part.map((g) => g.formedOn),
      ],
    );
    const links = part.flatMap((g) => g.memberIds.map((memberId) => ({ g, memberId })));
    await manager.query(
      `INSERT INTO party_group_members (party_group_id, member_id, district_id, org_path, joined_on)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::date[])`,
      [
        links.map((l) => l.g.id),
        links.map((l) => l.memberId),
        links.map((l) => l.g.branch.districtId),
        links.map((l) => l.g.branch.path),
        links.map((l) => l.g.formedOn),
      ],
    );
    const active = part.filter((g) => g.activityOn !== null);
    for (const g of part) {
      await outbox.add(
        partyGroupCreatedV1,
        { districtId: g.branch.districtId, orgPath: g.branch.path, aggregateId: g.id },
        {
          partyGroupId: g.id,
          branchUnitId: g.branch.id,
          groupType: g.groupType,
          responsibilityArea: g.responsibilityArea,
          leaderMemberId: g.leaderId,
          formedOn: g.formedOn,
        },
      );
    }
    for (const g of active) {
      const rows = await manager.query<{ id: string }[]>(
        `INSERT INTO party_group_activities (id, party_group_id, district_id, org_path, held_on, topic, attendee_member_ids)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6) RETURNING id`,
        [g.id, g.branch.districtId, g.branch.path, g.activityOn, '学习党章、走访群众', g.memberIds],
      );
      await outbox.add(
        partyGroupActivityRecordedV1,
        { districtId: g.branch.districtId, orgPath: g.branch.path, aggregateId: g.id },
        {
          partyGroupId: g.id,
          activityId: rows[0].id,
          heldOn: g.activityOn ?? DEMO_REFERENCE_DATE,
          topicCode: 'study_and_visit',
          attendeeCount: g.memberIds.length,
        },
      );
    }
  }
}

async function writePostTypesAndCards(
  manager: EntityManager,
  data: DemoDataset,
  outbox: OutboxBatch,
): Promise<void> {
  for (const p of data.postTypes) {
    await manager.query(
      'INSERT INTO post_types (id, district_id, org_path, unit_id, code, name, duties) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [p.id, p.unit.districtId, p.unit.path, p.unit.id, p.code, p.name, p.duties],
    );
    await outbox.add(
      postTypeCreatedV1,
      { districtId: p.unit.districtId, orgPath: p.unit.path, aggregateId: p.id },
      {
        postTypeId: p.id,
        code: p.code,
        postTypeName: p.name,
        definedForUnitId: p.unit.id,
        dutyCodes: p.duties,
      },
    );
  }
  // Member cards (党员名片) for the Dahe cadres, as 001 §3.8 describes.
  const cadres = data.members.filter(
    (m) => m.category === 'cadre' && m.orgPath.startsWith('/lx/taoyuan/dahe/'),
  );
  for (const m of cadres) {
    // A stable card id derived from the member id keeps the loader deterministic.
    const cardId = `${m.id.slice(0, 24)}c${m.id.slice(25)}`;
    const items = m.specialties.length > 0 ? m.specialties : ['policy_consultation'];
    await manager.query(
      'INSERT INTO member_cards (id, member_id, district_id, org_path, service_items, pledge_text, published_on) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [cardId, m.id, m.districtId, m.orgPath, items, '我是共产党员，有困难请找我', DEMO_REFERENCE_DATE],
    );
    await outbox.add(
      memberCardPublishedV1,
      { districtId: m.districtId, orgPath: m.orgPath, aggregateId: m.id },
      {
        memberId: m.id,
        cardId,
        postId: null,
        serviceItemCodes: items,
        pledgeIds: [],
        phoneShown: m.phoneOnCard,
        publishedOn: DEMO_REFERENCE_DATE,
      },
    );
  }
}
