import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import {
  PII_CIPHER,
  REGISTRY_DATA_SOURCE,
  REGISTRY_SETTINGS,
  type RegistrySettings,
} from '../../../../shared/application/registry-tokens';
import type { PiiCipher } from '../../../../shared/infrastructure/pii-cipher';
import { loadMemberCard } from '../../load-member-card';
import type { MemberCardView } from '../../member-card-view';

@Injectable()
export class GetMemberCardHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PII_CIPHER) private readonly cipher: PiiCipher,
    @Inject(REGISTRY_SETTINGS) private readonly settings: RegistrySettings,
  ) {}

  execute(memberId: string, actor: Actor): Promise<MemberCardView> {
    return inTransaction(this.dataSource, actor.scope, (tx) =>
      loadMemberCard(tx.manager, this.cipher, memberId, this.settings.memberCardBaseUrl),
    );
  }
}
