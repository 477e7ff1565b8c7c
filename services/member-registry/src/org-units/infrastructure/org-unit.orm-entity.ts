import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

// Mirrors migration 1764000000000 exactly: the drift check compares this with the migrated schema.
@Entity({ name: 'org_units' })
@Index('org_units_org_path_key', ['orgPath'], { unique: true })
@Index('org_units_parent_id_idx', ['parentId'])
@Check('org_units_code_check', `code ~ '^[a-z0-9][a-z0-9-]{0,39}$'`)
@Check('org_units_level_check', `level IN ('city', 'district', 'township', 'village', 'branch')`)
export class OrgUnitOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId!: string | null;
  @ManyToOne(() => OrgUnitOrmEntity, { nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'org_units_parent_id_fkey' })
  parent?: OrgUnitOrmEntity;
  @Column('text') code!: string;
  @Column('text') name!: string;
  @Column('text') level!: string;
  @Column('text') kind!: string;
  @Column('boolean', { default: false }) rural!: boolean;
  @Column('uuid', { name: 'district_id', nullable: true }) districtId!: string | null;
  @Column({ type: 'text', name: 'org_path', collation: 'C' }) orgPath!: string;
  @Column('integer') depth!: number;
  @Column('boolean', { default: true }) active!: boolean;
  @Column('integer', { default: 1 }) version!: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
