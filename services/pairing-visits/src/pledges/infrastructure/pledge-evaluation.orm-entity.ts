import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { PledgeOrmEntity } from './pledge.orm-entity';

@Index('pledge_evaluations_pledge_idx', { synchronize: false })
@Entity('pledge_evaluations')
export class PledgeEvaluationOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @Column({ name: 'org_path', type: 'text' })
  orgPath!: string;

  @ForeignKey(() => PledgeOrmEntity, { name: 'pledge_evaluations_pledge_fk' })
  @Column({ name: 'pledge_id', type: 'uuid' })
  pledgeId!: string;

  @Column({ type: 'text' })
  rating!: string;

  @Column({ name: 'evaluator_kind', type: 'text' })
  evaluatorKind!: string;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'evaluated_on', type: 'date' })
  evaluatedOn!: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
