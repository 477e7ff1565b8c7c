import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('members_path_idx', { synchronize: false })
@Index('members_district_rank_idx', { synchronize: false })
@Entity('members')
export class MemberOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @Column({ name: 'org_path', type: 'text' })
  orgPath!: string;

  @Column({ name: 'branch_unit_id', type: 'uuid' })
  branchUnitId!: string;

  @Column({ type: 'text' })
  category!: string;

  @Column({ name: 'cadre_rank', type: 'text' })
  cadreRank!: string;

  @Column({ name: 'has_post', type: 'boolean' })
  hasPost!: boolean;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
