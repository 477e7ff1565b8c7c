import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { requireGroup } from '../../../infrastructure/party-group.repository';
import { toPartyGroupView, type PartyGroupView } from '../../party-group-view';

@Injectable()
export class GetPartyGroupHandler {
  constructor(@Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute(id: string, actor: Actor): Promise<PartyGroupView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) =>
      toPartyGroupView(await requireGroup(tx.manager, id)),
    );
  }
}
