import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('visits_cadre_year_idx', { synchronize: false })
@Index('visits_district_year_idx', { synchronize: false })
@Index('visits_path_date_idx', { synchronize: false })
@Entity('visits')
export class VisitOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @Column({ name: 'org_path', type: 'text' })
  orgPath!: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId!: string;

  @Column({ name: 'cadre_id', type: 'uuid' })
  cadreId!: string;

  @Column({ name: 'cadre_org_path', type: 'text' })
  cadreOrgPath!: string;

  @Column({ name: 'pairing_id', type: 'uuid', nullable: true })
  pairingId!: string | null;

  @Column({ name: 'visit_date', type: 'date' })
  visitDate!: string;

  @Column({ name: 'visit_year', type: 'smallint' })
  visitYear!: number;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  heard!: string;

  @Column({ name: 'problems_raised', type: 'integer' })
  problemsRaised!: number;

  @Column({ name: 'matters_done', type: 'integer' })
  mattersDone!: number;

  @Column({ type: 'text' })
  confirmation!: string;

  @Column({ type: 'boolean' })
  flagged!: boolean;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
