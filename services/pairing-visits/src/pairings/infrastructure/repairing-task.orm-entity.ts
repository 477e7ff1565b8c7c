import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('repairing_tasks_open_idx', { synchronize: false })
@Entity('repairing_tasks')
export class RepairingTaskOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @Column({ name: 'org_path', type: 'text' })
  orgPath!: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId!: string;

  @Column({ name: 'previous_pairing_id', type: 'uuid', nullable: true })
  previousPairingId!: string | null;

  @Column({ name: 'previous_cadre_id', type: 'uuid', nullable: true })
  previousCadreId!: string | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ name: 'resolved_pairing_id', type: 'uuid', nullable: true })
  resolvedPairingId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}
