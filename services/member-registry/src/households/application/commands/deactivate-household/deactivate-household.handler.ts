import { Inject, Injectable } from '@nestjs/common';
import { householdDeactivatedV1 } from '@lianxin/contracts';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { publish } from '../../../../shared/application/event-factory';
import {
  PII_CIPHER,
  REGISTRY_DATA_SOURCE,
  REGISTRY_SETTINGS,
  type RegistrySettings,
} from '../../../../shared/application/registry-tokens';
import type { PiiCipher } from '../../../../shared/infrastructure/pii-cipher';
import { requireHousehold } from '../../../infrastructure/household.repository';
import { toHouseholdView, type HouseholdView } from '../../household-view';

export const deactivateHouseholdQuery = z.strictObject({
  /** Why the household is no longer served; `other` when the caller does not say. */
  reason: householdDeactivatedV1.schema.shape.reasonCode.default('other'),
});
export type DeactivateHouseholdQuery = z.output<typeof deactivateHouseholdQuery>;

/**
 * Households are kept (visits and pairings refer to them) but leave every list, and
 * `registry.household.deactivated` tells the other services to stop counting them. Deactivating
 * an inactive household changes nothing and publishes nothing.
 */
@Injectable()
export class DeactivateHouseholdHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PII_CIPHER) private readonly cipher: PiiCipher,
    @Inject(REGISTRY_SETTINGS) private readonly settings: RegistrySettings,
  ) {}

  execute(id: string, query: DeactivateHouseholdQuery, actor: Actor): Promise<HouseholdView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const row = await requireHousehold(tx.manager, id, true);
      if (!row.active) return toHouseholdView(row, actor, this.cipher);
      await tx.manager.query(
        'UPDATE households SET active = false, version = version + 1, updated_at = now() WHERE id = $1',
        [row.id],
      );
      publish(
        tx,
        householdDeactivatedV1,
        actor,
        'registry.household.write',
        { districtId: row.district_id, orgPath: row.org_path, aggregateId: row.id },
        { householdId: row.id, reasonCode: query.reason, effectiveOn: this.settings.today() },
      );
      return toHouseholdView(await requireHousehold(tx.manager, row.id), actor, this.cipher);
    });
  }
}
