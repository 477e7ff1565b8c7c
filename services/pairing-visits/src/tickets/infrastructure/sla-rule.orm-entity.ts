import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('sla_rules')
export class SlaRuleOrmEntity {
  @PrimaryColumn({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @PrimaryColumn({ type: 'text' })
  category!: string;

  @Column({ name: 'org_path', type: 'text' })
  orgPath!: string;

  @Column({ name: 'accept_within_hours', type: 'integer' })
  acceptWithinHours!: number;

  @Column({ name: 'resolve_within_hours', type: 'integer' })
  resolveWithinHours!: number;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
