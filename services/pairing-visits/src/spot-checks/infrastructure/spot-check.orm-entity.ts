import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('spot_checks')
export class SpotCheckOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @Column({ name: 'org_path', type: 'text' })
  orgPath!: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Column({ name: 'period_from', type: 'date' })
  periodFrom!: string;

  @Column({ name: 'period_to', type: 'date' })
  periodTo!: string;

  @Column({ type: 'numeric', precision: 5, scale: 4 })
  share!: string;

  @Column({ type: 'text' })
  seed!: string;

  @Column({ name: 'population_size', type: 'integer' })
  populationSize!: number;

  @Column({ name: 'population_digest', type: 'text' })
  populationDigest!: string;

  @Column({ name: 'sample_size', type: 'integer' })
  sampleSize!: number;

  @Column({ name: 'drawn_by', type: 'text' })
  drawnBy!: string;

  @Column({ name: 'drawn_at', type: 'timestamptz' })
  drawnAt!: Date;
}
