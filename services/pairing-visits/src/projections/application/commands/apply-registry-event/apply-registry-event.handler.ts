import { type KnownEnvelope } from '@lianxin/contracts';
import { type TransactionContext } from '@lianxin/platform-persistence';
import { Injectable } from '@nestjs/common';
import { releaseCadrePairings } from '../../../../pairings/application/commands/release-cadre-pairings/release-cadre-pairings';
import { HouseholdOrmEntity } from '../../../infrastructure/household.orm-entity';
import { MemberOrmEntity } from '../../../infrastructure/member.orm-entity';
import { OrgUnitOrmEntity } from '../../../infrastructure/org-unit.orm-entity';
import { rewriteSubtreePaths } from '../../../infrastructure/path-rewrite';

/** Registry events this service keeps a local copy from (everything else on the topics is ignored). */
export const PROJECTED_EVENT_TYPES = [
  'registry.org-unit.created',
  'registry.org-unit.renamed',
  'registry.org-unit.moved',
  'registry.org-unit.deactivated',
  'registry.member.registered',
  'registry.member.updated',
  'registry.member.transferred-out',
  'registry.member.transferred-in',
  'registry.member.deactivated',
  'registry.household.registered',
  'registry.household.updated',
  'registry.household.hardship-status-changed',
  'registry.household.deactivated',
] as const;

export type ProjectedEnvelope = Extract<KnownEnvelope, { type: (typeof PROJECTED_EVENT_TYPES)[number] }>;

export function isProjected(envelope: KnownEnvelope): envelope is ProjectedEnvelope {
  return (PROJECTED_EVENT_TYPES as readonly string[]).includes(envelope.type);
}

/**
 * Keeps the local copies of org units, members and households (so no request waits on the
 * registry). Runs inside the consumer's inbox transaction with system scope `/`, so applying the
 * same event twice is prevented by the inbox, and each handler is also written as an upsert.
 */
@Injectable()
export class ApplyRegistryEventHandler {
  async apply(tx: TransactionContext, envelope: ProjectedEnvelope): Promise<void> {
    const at = new Date(envelope.occurredAt);
    const source = { eventId: envelope.id, correlationId: envelope.correlationId, occurredAt: at };
    const units = tx.manager.getRepository(OrgUnitOrmEntity);
    const members = tx.manager.getRepository(MemberOrmEntity);
    const households = tx.manager.getRepository(HouseholdOrmEntity);

    switch (envelope.type) {
      case 'registry.org-unit.created': {
        const { data } = envelope;
        await units.upsert(
          {
            id: data.orgUnitId,
            districtId: envelope.districtId,
            orgPath: data.path,
            parentId: data.parentId,
            code: data.code,
            level: data.level,
            unitName: data.unitName,
            active: true,
            updatedAt: at,
          },
          ['id'],
        );
        return;
      }
      case 'registry.org-unit.renamed':
        await units.update(
          { id: envelope.data.orgUnitId },
          { unitName: envelope.data.unitName, updatedAt: at },
        );
        return;
      case 'registry.org-unit.deactivated':
        await units.update({ id: envelope.data.orgUnitId }, { active: false, updatedAt: at });
        return;
      case 'registry.org-unit.moved':
        await rewriteSubtreePaths(
          tx.manager,
          envelope.data.previousPath,
          envelope.data.path,
          envelope.data.districtId,
        );
        return;
      case 'registry.member.registered': {
        const { data } = envelope;
        const orgPath = await this.unitPath(tx, data.branchUnitId, envelope.orgUnitPath);
        await members.upsert(
          {
            id: data.memberId,
            districtId: envelope.districtId ?? '',
            orgPath,
            branchUnitId: data.branchUnitId,
            category: data.category,
            cadreRank: data.cadreRank,
            hasPost: data.hasPost,
            status: 'active',
            updatedAt: at,
          },
          ['id'],
        );
        return;
      }
      case 'registry.member.updated': {
        const { changes } = envelope.data;
        const patch: Partial<MemberOrmEntity> = { updatedAt: at };
        if (changes.category !== undefined) patch.category = changes.category;
        if (changes.cadreRank !== undefined) patch.cadreRank = changes.cadreRank;
        if (changes.hasPost !== undefined) patch.hasPost = changes.hasPost;
        await members.update({ id: envelope.data.memberId }, patch);
        return;
      }
      case 'registry.member.transferred-out': {
        await releaseCadrePairings(tx, envelope.data.memberId, 'member_transferred', source);
        await members.update({ id: envelope.data.memberId }, { status: 'transferred_out', updatedAt: at });
        return;
      }
      case 'registry.member.transferred-in': {
        const { data } = envelope;
        const orgPath = await this.unitPath(tx, data.toBranchUnitId, envelope.orgUnitPath);
        await members.update(
          { id: data.memberId },
          {
            districtId: data.toDistrictId,
            orgPath,
            branchUnitId: data.toBranchUnitId,
            status: 'active',
            updatedAt: at,
          },
        );
        // The cadre's counters follow them, so rollups show their year under the new unit.
        await tx.manager.query(
          'UPDATE quota_tallies SET org_path = $2, district_id = $3 WHERE cadre_id = $1',
          [data.memberId, orgPath, data.toDistrictId],
        );
        return;
      }
      case 'registry.member.deactivated':
        await releaseCadrePairings(tx, envelope.data.memberId, 'member_deactivated', source);
        await members.update({ id: envelope.data.memberId }, { status: 'deactivated', updatedAt: at });
        return;
      case 'registry.household.registered': {
        const { data } = envelope;
        const orgPath = await this.unitPath(tx, data.villageUnitId, envelope.orgUnitPath);
        await households.upsert(
          {
            id: data.householdId,
            districtId: envelope.districtId ?? '',
            orgPath,
            villageUnitId: data.villageUnitId,
            hardshipStatus: data.hardshipStatus,
            isMigrantMemberHousehold: data.isMigrantMemberHousehold,
            active: true,
            updatedAt: at,
          },
          ['id'],
        );
        return;
      }
      case 'registry.household.updated': {
        const { changes } = envelope.data;
        const patch: Partial<HouseholdOrmEntity> = { updatedAt: at };
        if (changes.isMigrantMemberHousehold !== undefined)
          patch.isMigrantMemberHousehold = changes.isMigrantMemberHousehold;
        if (changes.villageUnitId !== undefined) {
          patch.villageUnitId = changes.villageUnitId;
          patch.orgPath = await this.unitPath(tx, changes.villageUnitId, envelope.orgUnitPath);
        }
        await households.update({ id: envelope.data.householdId }, patch);
        return;
      }
      case 'registry.household.hardship-status-changed':
        await households.update(
          { id: envelope.data.householdId },
          { hardshipStatus: envelope.data.hardshipStatus, updatedAt: at },
        );
        return;
      case 'registry.household.deactivated':
        // Setting a flag is idempotent in itself; the inbox also drops a redelivery. The household
        // leaves the coverage report and suggestions, which only count active households.
        await households.update({ id: envelope.data.householdId }, { active: false, updatedAt: at });
        return;
    }
  }

  /** The unit's path from the local copy; the envelope's path when the unit event has not arrived yet (topics are not ordered with each other). */
  private async unitPath(tx: TransactionContext, unitId: string, fallback: string): Promise<string> {
    const unit = await tx.manager
      .getRepository(OrgUnitOrmEntity)
      .findOne({ where: { id: unitId }, select: { orgPath: true } });
    return unit?.orgPath ?? fallback;
  }
}
