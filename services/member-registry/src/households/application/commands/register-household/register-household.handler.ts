import { Inject, Injectable } from '@nestjs/common';
import { householdRegisteredV1 } from '@lianxin/contracts';
import type { Actor } from '@lianxin/auth';
import { BusinessRuleError, ConflictError } from '@lianxin/platform-http';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { publish } from '../../../../shared/application/event-factory';
import { PII_CIPHER, REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { requireUnit } from '../../../../shared/application/scope';
import type { PiiCipher } from '../../../../shared/infrastructure/pii-cipher';
import { householdAttributesShape } from '../../../domain/household-input';
import { requireHousehold } from '../../../infrastructure/household.repository';
import { insertHouseholds } from '../../../infrastructure/household-writer';
import { toHouseholdView, type HouseholdView } from '../../household-view';

export const registerHouseholdBody = z.strictObject({ ...householdAttributesShape, villageId: z.uuid() });
export type RegisterHouseholdCommand = z.output<typeof registerHouseholdBody>;

@Injectable()
export class RegisterHouseholdHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PII_CIPHER) private readonly cipher: PiiCipher,
  ) {}

  execute(command: RegisterHouseholdCommand, actor: Actor): Promise<HouseholdView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const village = await requireUnit(tx.manager, command.villageId, 'village');
      if (village.level !== 'village')
        throw new BusinessRuleError('households belong to a village or community', {
          rule: 'household-in-village',
        });
      const { villageId: _v, ...attributes } = command;
      const id = uuidv7();
      const inserted = await insertHouseholds(tx.manager, this.cipher, [
        {
          ...attributes,
          id,
          villageId: village.id,
          districtId: village.district_id,
          orgPath: village.org_path,
        },
      ]);
      if (!inserted.has(id))
        throw new ConflictError('A household with this resident ID number is already registered');
      publish(
        tx,
        householdRegisteredV1,
        actor,
        'registry.household.write',
        { districtId: village.district_id, orgPath: village.org_path, aggregateId: id },
        {
          householdId: id,
          villageUnitId: village.id,
          size: command.size,
          hardshipStatus: command.hardshipStatus,
          needs: command.needs,
          isMigrantMemberHousehold: command.isMigrantMemberHousehold,
        },
      );
      return toHouseholdView(await requireHousehold(tx.manager, id), actor, this.cipher);
    });
  }
}
