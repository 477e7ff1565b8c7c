import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { PII_CIPHER, REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import type { PiiCipher } from '../../../../shared/infrastructure/pii-cipher';
import { requireHousehold } from '../../../infrastructure/household.repository';
import { toHouseholdView, type HouseholdView } from '../../household-view';

/** Households are kept (visits and pairings refer to them) but leave every list. No v1 event exists for this yet. */
@Injectable()
export class DeactivateHouseholdHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PII_CIPHER) private readonly cipher: PiiCipher,
  ) {}

  execute(id: string, actor: Actor): Promise<HouseholdView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const row = await requireHousehold(tx.manager, id, true);
      await tx.manager.query(
        'UPDATE households SET active = false, version = version + 1, updated_at = now() WHERE id = $1',
        [row.id],
      );
      return toHouseholdView(await requireHousehold(tx.manager, row.id), actor, this.cipher);
    });
  }
}
