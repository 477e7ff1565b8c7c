import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('pairings_one_active_per_household_uq', { synchronize: false })
@Index('pairings_cadre_idx', { synchronize: false })
@Index('pairings_path_idx', { synchronize: false })
@Entity('pairings')
export class PairingOrmEntity {
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

  @Column({ name: 'cadre_rank', type: 'text' })
  cadreRank!: string;

  @Column({ type: 'text' })
  selection!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'started_on', type: 'date' })
  startedOn!: string;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn!: string | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason!: string | null;

  @Column({ name: 'repairing_task_id', type: 'uuid', nullable: true })
  repairingTaskId!: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
