import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import { type QuotaRules } from '../domain/quota-rule';

@Unique('quota_rule_sets_version_uq', ['districtId', 'version'])
@Entity('quota_rule_sets')
export class QuotaRuleSetOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @Column({ name: 'org_path', type: 'text' })
  orgPath!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'jsonb' })
  rules!: QuotaRules;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
