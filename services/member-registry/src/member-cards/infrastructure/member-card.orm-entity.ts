import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MemberOrmEntity } from '../../members/infrastructure/member.orm-entity';

// Mirrors migration 1764000000000 exactly: the drift check compares this with the migrated schema.
@Entity({ name: 'member_cards' })
@Index('member_cards_member_id_key', ['memberId'], { unique: true })
export class MemberCardOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'member_id' }) memberId!: string;
  @ManyToOne(() => MemberOrmEntity)
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'member_cards_member_id_fkey' })
  member?: MemberOrmEntity;
  @Column('uuid', { name: 'district_id', nullable: true }) districtId!: string | null;
  @Column({ type: 'text', name: 'org_path', collation: 'C' }) orgPath!: string;
  @Column('text', { name: 'service_items', array: true, default: () => "'{}'" }) serviceItems!: string[];
  @Column('text', { name: 'pledge_text' }) pledgeText!: string;
  @Column('date', { name: 'published_on' }) publishedOn!: string;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
