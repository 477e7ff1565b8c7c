import { Inject, Injectable } from '@nestjs/common';
import { postTypeCreatedV1 } from '@lianxin/contracts';
import type { Actor } from '@lianxin/auth';
import { ConflictError } from '@lianxin/platform-http';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { publish } from '../../../../shared/application/event-factory';
import { REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import { requireUnit } from '../../../../shared/application/scope';
import { codeSchema } from '../../../../shared/domain/field-schemas';

export const createPostTypeBody = z.strictObject({
  /** Unit whose subtree may use the post type: a branch, or a township for a shared catalogue. */
  unitId: z.uuid(),
  code: codeSchema,
  name: z.string().trim().min(1).max(60),
  duties: z.array(codeSchema).max(20).default([]),
});
export type CreatePostTypeCommand = z.output<typeof createPostTypeBody>;
export const postTypeViewSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  orgPath: z.string(),
  code: z.string(),
  name: z.string(),
  duties: z.array(z.string()),
});
export type PostTypeView = z.infer<typeof postTypeViewSchema>;

@Injectable()
export class CreatePostTypeHandler {
  constructor(@Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  execute(command: CreatePostTypeCommand, actor: Actor): Promise<PostTypeView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const unit = await requireUnit(tx.manager, command.unitId);
      const id = uuidv7();
      const rows = await tx.manager.query<{ id: string }[]>(
        `INSERT INTO post_types (id, district_id, org_path, unit_id, code, name, duties) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (unit_id, code) DO NOTHING RETURNING id`,
        [id, unit.district_id, unit.org_path, unit.id, command.code, command.name, command.duties],
      );
      if (rows.length === 0)
        throw new ConflictError(`post type ${command.code} already exists for this unit`);
      publish(
        tx,
        postTypeCreatedV1,
        actor,
        'registry.post.write',
        { districtId: unit.district_id, orgPath: unit.org_path, aggregateId: id },
        {
          postTypeId: id,
          code: command.code,
          postTypeName: command.name,
          definedForUnitId: unit.id,
          dutyCodes: command.duties,
        },
      );
      return {
        id,
        unitId: unit.id,
        orgPath: unit.org_path,
        code: command.code,
        name: command.name,
        duties: command.duties,
      };
    });
  }
}
