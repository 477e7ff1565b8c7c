import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('org_units_path_idx', { synchronize: false })
@Entity('org_units')
export class OrgUnitOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'district_id', type: 'uuid', nullable: true })
  districtId!: string | null;

  @Column({ name: 'org_path', type: 'text' })
  orgPath!: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  level!: string;

  @Column({ name: 'unit_name', type: 'text' })
  unitName!: string;

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
