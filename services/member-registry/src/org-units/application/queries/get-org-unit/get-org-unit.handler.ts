import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@lianxin/auth';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { requireUnit } from '../../../../shared/application/scope';
import { toOrgUnitView, type OrgUnitView } from '../../org-unit-view';

@Injectable()
export class GetOrgUnitHandler {
  constructor(@Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute(id: string, actor: Actor): Promise<OrgUnitView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) =>
      toOrgUnitView(await requireUnit(tx.manager, id)),
    );
  }
}
