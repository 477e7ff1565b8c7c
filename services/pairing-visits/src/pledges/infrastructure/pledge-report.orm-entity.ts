import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

@Unique('pledge_reports_member_year_uq', ['memberId', 'reportYear'])
@Entity('pledge_reports')
export class PledgeReportOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @Column({ name: 'org_path', type: 'text' })
  orgPath!: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ name: 'report_year', type: 'smallint' })
  reportYear!: number;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ name: 'submitted_by', type: 'text' })
  submittedBy!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;
}
