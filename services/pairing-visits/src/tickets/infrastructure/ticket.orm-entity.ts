import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('tickets_hotline_no_uq', { synchronize: false })
@Index('tickets_open_due_idx', { synchronize: false })
@Index('tickets_resolver_year_idx', { synchronize: false })
@Entity('tickets')
export class TicketOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @Column({ name: 'org_path', type: 'text' })
  orgPath!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'hotline_ticket_no', type: 'text', nullable: true })
  hotlineTicketNo!: string | null;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ name: 'household_id', type: 'uuid', nullable: true })
  householdId!: string | null;

  @Column({ name: 'visit_id', type: 'uuid', nullable: true })
  visitId!: string | null;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'status_before_handoff', type: 'text', nullable: true })
  statusBeforeHandoff!: string | null;

  @Column({ name: 'first_asked_member_id', type: 'uuid', nullable: true })
  firstAskedMemberId!: string | null;

  @Column({ name: 'owner_member_id', type: 'uuid', nullable: true })
  ownerMemberId!: string | null;

  @Column({ name: 'handoff_id', type: 'uuid', nullable: true })
  handoffId!: string | null;

  @Column({ name: 'handoff_to_member_id', type: 'uuid', nullable: true })
  handoffToMemberId!: string | null;

  @Column({ name: 'handoff_to_unit_id', type: 'uuid', nullable: true })
  handoffToUnitId!: string | null;

  @Column({ name: 'handoff_level', type: 'text', nullable: true })
  handoffLevel!: string | null;

  @Column({ name: 'handoff_reason', type: 'text', nullable: true })
  handoffReason!: string | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'accept_due_at', type: 'timestamptz' })
  acceptDueAt!: Date;

  @Column({ name: 'resolve_due_at', type: 'timestamptz' })
  resolveDueAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'resolved_year', type: 'smallint', nullable: true })
  resolvedYear!: number | null;

  @Column({ name: 'resolved_by_member_id', type: 'uuid', nullable: true })
  resolvedByMemberId!: string | null;

  @Column({ name: 'resolution_code', type: 'text', nullable: true })
  resolutionCode!: string | null;

  @Column({ type: 'text', nullable: true })
  resolution!: string | null;

  @Column({ name: 'feedback_channel', type: 'text', nullable: true })
  feedbackChannel!: string | null;

  @Column({ name: 'feedback_at', type: 'timestamptz', nullable: true })
  feedbackAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  satisfaction!: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
