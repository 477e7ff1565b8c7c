import { Inject, Injectable } from '@nestjs/common';
import { memberRegisteredV1 } from '@lianxin/contracts';
import type { Actor } from '@lianxin/auth';
import { BusinessRuleError, ConflictError } from '@lianxin/platform-http';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { publish } from '../../../../shared/application/event-factory';
import { PII_CIPHER, REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { requireUnit } from '../../../../shared/application/scope';
import { todayInShanghai } from '../../../../shared/domain/field-schemas';
import type { PiiCipher } from '../../../../shared/infrastructure/pii-cipher';
import { checkMemberCrossFields, memberAttributesShape } from '../../../domain/member-input';
import { requireMember } from '../../../infrastructure/member.repository';
import { insertMembers } from '../../../infrastructure/member-writer';
import { memberProfile, toMemberView, type MemberView } from '../../member-view';

export const registerMemberBody = z
  .strictObject({ ...memberAttributesShape, branchId: z.uuid() })
  .superRefine((value, ctx) => checkMemberCrossFields(value, ctx, todayInShanghai()));
export type RegisterMemberCommand = z.output<typeof registerMemberBody>;

@Injectable()
export class RegisterMemberHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PII_CIPHER) private readonly cipher: PiiCipher,
  ) {}

  execute(command: RegisterMemberCommand, actor: Actor): Promise<MemberView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const branch = await requireUnit(tx.manager, command.branchId, 'branch');
      if (branch.level !== 'branch')
        throw new BusinessRuleError('members belong to a Party branch', { rule: 'member-in-branch' });
      const { branchId: _branchId, ...attributes } = command;
      const id = uuidv7();
      const inserted = await insertMembers(tx.manager, this.cipher, [
        { ...attributes, id, branchId: branch.id, districtId: branch.district_id, orgPath: branch.org_path },
      ]);
      if (!inserted.has(id))
        throw new ConflictError('A member with this resident ID number is already registered');
      const row = await requireMember(tx.manager, id);
      publish(
        tx,
        memberRegisteredV1,
        actor,
        'registry.member.write',
        { districtId: row.district_id, orgPath: row.org_path, aggregateId: id },
        {
          memberId: id,
          branchUnitId: branch.id,
          ...memberProfile(row),
        },
      );
      return toMemberView(row, actor, this.cipher);
    });
  }
}
