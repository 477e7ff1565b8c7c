import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row of the append-only audit trail (see the CreateAuditEntries migration). */
@Entity({ name: 'gateway_audit_entries' })
@Index('IDX_gateway_audit_entries_occurred_at', ['occurredAt'])
@Index('IDX_gateway_audit_entries_actor', ['actorId', 'occurredAt'])
export class AuditEntryOrmEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_gateway_audit_entries' })
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'actor_id', type: 'varchar', length: 128 })
  actorId!: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 32 })
  actorRole!: string;

  @Column({ name: 'actor_scope', type: 'text' })
  actorScope!: string;

  @Column({ name: 'district_id', type: 'uuid', nullable: true })
  districtId!: string | null;

  @Column({ name: 'org_path', type: 'text' })
  orgPath!: string;

  @Column({ type: 'varchar', length: 8 })
  method!: string;

  @Column({ type: 'varchar', length: 512 })
  path!: string;

  @Column({ name: 'target_ids', type: 'uuid', array: true })
  targetIds!: string[];

  @Column({ type: 'integer' })
  status!: number;

  @Column({ name: 'correlation_id', type: 'varchar', length: 128 })
  correlationId!: string;

  @Column({ name: 'client_address', type: 'varchar', length: 64 })
  clientAddress!: string;
}
