import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('households_path_idx', { synchronize: false })
@Entity('households')
export class HouseholdOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @Column({ name: 'org_path', type: 'text' })
  orgPath!: string;

  @Column({ name: 'village_unit_id', type: 'uuid' })
  villageUnitId!: string;

  @Column({ name: 'hardship_status', type: 'text' })
  hardshipStatus!: string;

  @Column({ name: 'is_migrant_member_household', type: 'boolean' })
  isMigrantMemberHousehold!: boolean;

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
