import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { VisitOrmEntity } from './visit.orm-entity';

@Index('visit_corrections_visit_idx', { synchronize: false })
@Entity('visit_corrections')
export class VisitCorrectionOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @Column({ name: 'org_path', type: 'text' })
  orgPath!: string;

  @ForeignKey(() => VisitOrmEntity, { name: 'visit_corrections_visit_fk' })
  @Column({ name: 'visit_id', type: 'uuid' })
  visitId!: string;

  @Column({ type: 'jsonb' })
  previous!: Record<string, string>;

  @Column({ type: 'jsonb' })
  next!: Record<string, string>;

  @Column({ name: 'reason_code', type: 'text' })
  reasonCode!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'corrected_by', type: 'text' })
  correctedBy!: string;

  @Column({ name: 'corrected_at', type: 'timestamptz' })
  correctedAt!: Date;
}
