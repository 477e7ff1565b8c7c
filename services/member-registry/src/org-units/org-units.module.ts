import { Module } from '@nestjs/common';
import { OrgUnitsController } from './api/org-units.controller';
import { DeactivateOrgUnitHandler } from './application/commands/deactivate-org-unit/deactivate-org-unit.handler';
import { CreateOrgUnitHandler } from './application/commands/create-org-unit/create-org-unit.handler';
import { MoveOrgUnitHandler } from './application/commands/move-org-unit/move-org-unit.handler';
import { RenameOrgUnitHandler } from './application/commands/rename-org-unit/rename-org-unit.handler';
import { GetOrgUnitHandler } from './application/queries/get-org-unit/get-org-unit.handler';
import { ListOrgUnitsHandler } from './application/queries/list-org-units/list-org-units.handler';

@Module({
  controllers: [OrgUnitsController],
  providers: [
    CreateOrgUnitHandler,
    RenameOrgUnitHandler,
    MoveOrgUnitHandler,
    GetOrgUnitHandler,
    ListOrgUnitsHandler,
    DeactivateOrgUnitHandler,
  ],
})
export class OrgUnitsModule {}
