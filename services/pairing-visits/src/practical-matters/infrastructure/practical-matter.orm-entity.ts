import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('practical_matters_district_year_idx', { synchronize: false })
@Index('practical_matters_member_year_idx', { synchronize: false })
@Entity('practical_matters')
export class PracticalMatterOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @Column({ name: 'org_path', type: 'text' })
  orgPath!: string;

  @Column({ name: 'household_id', type: 'uuid', nullable: true })
  householdId!: string | null;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ name: 'member_org_path', type: 'text' })
  memberOrgPath!: string;

  @Column({ name: 'member_unit_id', type: 'uuid' })
  memberUnitId!: string;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'jsonb' })
  evidence!: string[];

  @Column({ name: 'done_on', type: 'date' })
  doneOn!: string;

  @Column({ name: 'done_year', type: 'smallint' })
  doneYear!: number;

  @Column({ name: 'visit_id', type: 'uuid', nullable: true })
  visitId!: string | null;

  @Column({ name: 'ticket_id', type: 'uuid', nullable: true })
  ticketId!: string | null;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
