import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrgUnitOrmEntity } from '../../org-units/infrastructure/org-unit.orm-entity';

// Mirrors migrations 1764000000000 and 1764000001000 exactly: the drift check compares this with the migrated schema.
@Entity({ name: 'members' })
@Index('members_resident_id_index_key', ['residentIdIndex'], { unique: true })
@Index('members_org_path_id_idx', ['orgPath', 'id'])
@Index('members_branch_id_idx', ['branchId'])
@Index('members_mobile_index_idx', ['mobileIndex'])
// (name COLLATE "C"): TypeORM cannot declare a collation in an index; it must leave it alone.
@Index('members_name_prefix_idx', { synchronize: false })
export class MemberOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'district_id', nullable: true }) districtId!: string | null;
  @Column({ type: 'text', name: 'org_path', collation: 'C' }) orgPath!: string;
  @Column('uuid', { name: 'branch_id' }) branchId!: string;
  @ManyToOne(() => OrgUnitOrmEntity)
  @JoinColumn({ name: 'branch_id', foreignKeyConstraintName: 'members_branch_id_fkey' })
  branch?: OrgUnitOrmEntity;
  @Column('text') name!: string;
  @Column('text') gender!: string;
  @Column('text') ethnicity!: string;
  @Column('boolean', { name: 'ethnic_minority' }) ethnicMinority!: boolean;
  @Column('date', { name: 'birth_date' }) birthDate!: string;
  @Column('text', { name: 'education_level' }) educationLevel!: string;
  @Column('date', { name: 'joined_at' }) joinedAt!: string;
  @Column('bytea', { name: 'mobile_cipher' }) mobileCipher!: Buffer;
  @Column('text', { name: 'mobile_index' }) mobileIndex!: string;
  @Column('bytea', { name: 'resident_id_cipher' }) residentIdCipher!: Buffer;
  @Column('text', { name: 'resident_id_index' }) residentIdIndex!: string;
  @Column('text') category!: string;
  @Column('boolean', { name: 'has_post' }) hasPost!: boolean;
  @Column('text', { name: 'cadre_rank' }) cadreRank!: string;
  @Column('text', { nullable: true }) position!: string | null;
  @Column('text', { array: true, default: () => "'{}'" }) specialties!: string[];
  @Column('boolean') rural!: boolean;
  @Column('boolean', { name: 'phone_on_card', default: false }) phoneOnCard!: boolean;
  @Column('text', { default: 'active' }) status!: string;
  @Column('text', { name: 'deactivation_reason', nullable: true }) deactivationReason!: string | null;
  @Column('date', { name: 'deactivated_on', nullable: true }) deactivatedOn!: string | null;
  @Column('integer', { default: 1 }) version!: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
