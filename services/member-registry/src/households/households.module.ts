import { Module } from '@nestjs/common';
import { HouseholdsController } from './api/households.controller';
import { DeactivateHouseholdHandler } from './application/commands/deactivate-household/deactivate-household.handler';
import { RegisterHouseholdHandler } from './application/commands/register-household/register-household.handler';
import { UpdateHouseholdHandler } from './application/commands/update-household/update-household.handler';
import { GetHouseholdHandler } from './application/queries/get-household/get-household.handler';
import { ListHouseholdsHandler } from './application/queries/list-households/list-households.handler';

@Module({
  controllers: [HouseholdsController],
  providers: [
    RegisterHouseholdHandler,
    UpdateHouseholdHandler,
    DeactivateHouseholdHandler,
    GetHouseholdHandler,
    ListHouseholdsHandler,
  ],
})
export class HouseholdsModule {}
