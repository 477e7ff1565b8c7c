import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrgUnitOrmEntity } from '../../org-units/infrastructure/org-unit.orm-entity';

// Mirrors migration 1764000000000 exactly: the drift check compares this with the migrated schema.
@Entity({ name: 'households' })
@Index('households_resident_id_index_key', ['residentIdIndex'], { unique: true })
@Index('households_org_path_idx', ['orgPath'])
@Check('households_size_check', 'size BETWEEN 1 AND 50')
export class HouseholdOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'district_id', nullable: true }) districtId!: string | null;
  @Column({ type: 'text', name: 'org_path', collation: 'C' }) orgPath!: string;
  @Column('uuid', { name: 'village_id' }) villageId!: string;
  @ManyToOne(() => OrgUnitOrmEntity)
  @JoinColumn({ name: 'village_id', foreignKeyConstraintName: 'households_village_id_fkey' })
  village?: OrgUnitOrmEntity;
  @Column('text', { name: 'head_name' }) headName!: string;
  @Column('text') address!: string;
  @Column('integer') size!: number;
  @Column('text', { name: 'hardship_status' }) hardshipStatus!: string;
  @Column('text', { array: true, default: () => "'{}'" }) needs!: string[];
  @Column('boolean', { name: 'is_migrant_member_household', default: false })
  isMigrantMemberHousehold!: boolean;
  @Column('bytea', { name: 'resident_id_cipher', nullable: true }) residentIdCipher!: Buffer | null;
  @Column('text', { name: 'resident_id_index', nullable: true }) residentIdIndex!: string | null;
  @Column('bytea', { name: 'mobile_cipher', nullable: true }) mobileCipher!: Buffer | null;
  @Column('text', { name: 'mobile_index', nullable: true }) mobileIndex!: string | null;
  @Column('boolean', { default: true }) active!: boolean;
  @Column('integer', { default: 1 }) version!: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
