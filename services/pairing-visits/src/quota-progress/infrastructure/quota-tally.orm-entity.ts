import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per cadre and year: the counters quota progress reads (maintained with each change; see the migration). */
@Entity('quota_tallies')
export class QuotaTallyOrmEntity {
  @PrimaryColumn({ name: 'cadre_id', type: 'uuid' })
  cadreId!: string;

  @PrimaryColumn({ type: 'smallint' })
  year!: number;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @Column({ name: 'org_path', type: 'text' })
  orgPath!: string;

  @Column({ type: 'integer' })
  visits!: number;

  @Column({ name: 'practical_matters', type: 'integer' })
  practicalMatters!: number;

  @Column({ name: 'tickets_solved', type: 'integer' })
  ticketsSolved!: number;

  @Column({ name: 'grassroots_days', type: 'integer' })
  grassrootsDays!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
