import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MemberOrmEntity } from '../../members/infrastructure/member.orm-entity';
import { OrgUnitOrmEntity } from '../../org-units/infrastructure/org-unit.orm-entity';

// Mirrors migration 1764000000000 exactly: the drift check compares this with the migrated schema.
@Entity({ name: 'party_groups' })
@Index('party_groups_org_path_idx', ['orgPath'])
@Check('party_groups_area_check', `(group_type = 'responsibility') = (responsibility_area IS NOT NULL)`)
export class PartyGroupOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'district_id', nullable: true }) districtId!: string | null;
  @Column({ type: 'text', name: 'org_path', collation: 'C' }) orgPath!: string;
  @Column('uuid', { name: 'branch_id' }) branchId!: string;
  @ManyToOne(() => OrgUnitOrmEntity)
  @JoinColumn({ name: 'branch_id', foreignKeyConstraintName: 'party_groups_branch_id_fkey' })
  branch?: OrgUnitOrmEntity;
  @Column('text') name!: string;
  @Column('text', { name: 'group_type' }) groupType!: string;
  @Column('text', { name: 'responsibility_area', nullable: true }) responsibilityArea!: string | null;
  @Column('uuid', { name: 'leader_member_id', nullable: true }) leaderMemberId!: string | null;
  @ManyToOne(() => MemberOrmEntity, { nullable: true })
  @JoinColumn({ name: 'leader_member_id', foreignKeyConstraintName: 'party_groups_leader_member_id_fkey' })
  leader?: MemberOrmEntity;
  @Column('date', { name: 'formed_on' }) formedOn!: string;
  @Column('boolean', { default: true }) active!: boolean;
  @Column('integer', { default: 1 }) version!: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
