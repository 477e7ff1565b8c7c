import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

@Index('grassroots_days_district_year_idx', { synchronize: false })
@Unique('grassroots_days_one_per_day_uq', ['cadreId', 'servedOn'])
@Entity('grassroots_days')
export class GrassrootsDayOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @Column({ name: 'org_path', type: 'text' })
  orgPath!: string;

  @Column({ name: 'cadre_id', type: 'uuid' })
  cadreId!: string;

  @Column({ name: 'served_on', type: 'date' })
  servedOn!: string;

  @Column({ name: 'served_year', type: 'smallint' })
  servedYear!: number;

  @Column({ name: 'place_unit_id', type: 'uuid', nullable: true })
  placeUnitId!: string | null;

  @Column({ type: 'text' })
  place!: string;

  @Column({ type: 'text' })
  activity!: string;

  @Column({ name: 'activity_code', type: 'text', nullable: true })
  activityCode!: string | null;

  @Column({ name: 'stayed_overnight', type: 'boolean' })
  stayedOvernight!: boolean;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
