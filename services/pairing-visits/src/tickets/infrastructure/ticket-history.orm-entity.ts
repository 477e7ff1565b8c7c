import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { TicketOrmEntity } from './ticket.orm-entity';

@Index('ticket_history_ticket_idx', { synchronize: false })
@Entity('ticket_history')
export class TicketHistoryOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @Column({ name: 'org_path', type: 'text' })
  orgPath!: string;

  @ForeignKey(() => TicketOrmEntity, { name: 'ticket_history_ticket_fk' })
  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId!: string;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus!: string | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus!: string;

  @Column({ name: 'actor_id', type: 'text' })
  actorId!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
