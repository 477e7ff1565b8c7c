import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { PII_CIPHER, REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import type { PiiCipher } from '../../../../shared/infrastructure/pii-cipher';
import { requireHousehold } from '../../../infrastructure/household.repository';
import { toHouseholdView, type HouseholdView } from '../../household-view';

@Injectable()
export class GetHouseholdHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PII_CIPHER) private readonly cipher: PiiCipher,
  ) {}

  execute(id: string, actor: Actor): Promise<HouseholdView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) =>
      toHouseholdView(await requireHousehold(tx.manager, id), actor, this.cipher),
    );
  }
}
