import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { SpotCheckOrmEntity } from './spot-check.orm-entity';
import { VisitOrmEntity } from '../../visits/infrastructure/visit.orm-entity';

@Entity('spot_check_items')
export class SpotCheckItemOrmEntity {
  @ForeignKey(() => SpotCheckOrmEntity, { name: 'spot_check_items_spot_check_fk' })
  @PrimaryColumn({ name: 'spot_check_id', type: 'uuid' })
  spotCheckId!: string;

  @ForeignKey(() => VisitOrmEntity, { name: 'spot_check_items_visit_fk' })
  @PrimaryColumn({ name: 'visit_id', type: 'uuid' })
  visitId!: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @Column({ name: 'org_path', type: 'text' })
  orgPath!: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId!: string;

  @Column({ name: 'call_back_id', type: 'uuid', nullable: true })
  callBackId!: string | null;

  @Column({ type: 'text', nullable: true })
  result!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'called_by', type: 'text', nullable: true })
  calledBy!: string | null;

  @Column({ name: 'called_at', type: 'timestamptz', nullable: true })
  calledAt!: Date | null;
}
