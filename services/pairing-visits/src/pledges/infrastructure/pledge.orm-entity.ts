import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

export interface PledgeProgressNote {
  readonly percent: number;
  readonly note: string;
  readonly reportedOn: string;
}

@Unique('pledges_ordinal_uq', ['memberId', 'pledgeYear', 'ordinal'])
@Entity('pledges')
export class PledgeOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @Column({ name: 'org_path', type: 'text' })
  orgPath!: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ name: 'member_unit_id', type: 'uuid' })
  memberUnitId!: string;

  @Column({ name: 'pledge_year', type: 'smallint' })
  pledgeYear!: number;

  @Column({ type: 'smallint' })
  ordinal!: number;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text' })
  content!: string;

  @Column({ type: 'date' })
  deadline!: string;

  @Column({ name: 'quality_standard', type: 'text' })
  qualityStandard!: string;

  @Column({ name: 'household_ids', type: 'uuid', array: true })
  householdIds!: string[];

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'progress_percent', type: 'smallint' })
  progressPercent!: number;

  @Column({ name: 'progress_notes', type: 'jsonb' })
  progressNotes!: PledgeProgressNote[];

  @Column({ type: 'jsonb', nullable: true })
  evidence!: string[] | null;

  @Column({ name: 'published_on', type: 'date', nullable: true })
  publishedOn!: string | null;

  @Column({ name: 'fulfilled_on', type: 'date', nullable: true })
  fulfilledOn!: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
