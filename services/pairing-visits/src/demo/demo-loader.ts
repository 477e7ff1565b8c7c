import { type Actor } from '@lianxin/auth';
import { inTransaction, SYSTEM_SCOPE } from '@lianxin/platform-persistence';
import { type DataSource } from 'typeorm';
import { RecordGrassrootsDayHandler } from '../grassroots-days/application/commands/record-grassroots-day/record-grassroots-day.handler';
import { IntakeHotlineTicketHandler } from '../hotline/application/commands/intake-hotline-ticket/intake-hotline-ticket.handler';
import { CreatePairingHandler } from '../pairings/application/commands/create-pairing/create-pairing.handler';
import { SuggestPairingsHandler } from '../pairings/application/queries/suggest-pairings/suggest-pairings.handler';
import { EvaluatePledgeHandler } from '../pledges/application/commands/evaluate-pledge/evaluate-pledge.handler';
import { FulfilPledgeHandler } from '../pledges/application/commands/fulfil-pledge/fulfil-pledge.handler';
import { MakePledgeHandler } from '../pledges/application/commands/make-pledge/make-pledge.handler';
import { PublishPledgeHandler } from '../pledges/application/commands/publish-pledge/publish-pledge.handler';
import { ReportPledgeProgressHandler } from '../pledges/application/commands/report-pledge-progress/report-pledge-progress.handler';
import { DEFAULT_QUOTA_RULES } from '../quota-rules/domain/quota-rule';
import { isCadreRank } from '../quota-rules/domain/cadre-rank';
import { type CommandContext } from '../shared/application/command-context';
import { PairingDatabase } from '../shared/application/pairing-database';
import { addDays, dayOfYear, daysInYear, shanghaiDate } from '../shared/domain/business-date';
import { DrawSpotCheckHandler } from '../spot-checks/application/commands/draw-spot-check/draw-spot-check.handler';
import { RecordCallBackHandler } from '../spot-checks/application/commands/record-call-back/record-call-back.handler';
import { TransitionTicketHandler } from '../tickets/application/commands/transition-ticket/transition-ticket.handler';
import { LogVisitHandler } from '../visits/application/commands/log-visit/log-visit.handler';
import { VisitDiaryWriter } from '../visits/infrastructure/visit-diary-writer';
import { SeededRandom } from './seeded-random';

// Demo tenancy from docs/CONVENTIONS.md ("Ports and demo tenancy").
export const DEMO_DISTRICTS = [
  { id: '0190a000-0000-7000-8000-000000000001', path: '/lx/taoyuan/', code: 'taoyuan' },
  { id: '0190a000-0000-7000-8000-000000000002', path: '/lx/xishan/', code: 'xishan' },
] as const;

export interface DemoSummary {
  readonly loaded: boolean;
  readonly reason?: string;
  readonly pairings: number;
  readonly visits: number;
  readonly tickets: number;
  readonly grassrootsDays: number;
  readonly pledges: number;
  readonly spotChecks: number;
}

interface CadreRow {
  id: string;
  org_path: string;
  cadre_rank: string;
  branch_unit_id: string;
}

/** Cadres per district whose grassroots days are loaded (each is one record per day). */
const DAY_SAMPLE_CADRES = 20;

const PROBLEM_CATEGORIES = ['livelihood', 'infrastructure', 'dispute', 'safety', 'other'] as const;
const MATTER_CATEGORIES = [
  'paperwork',
  'farming_help',
  'medical_escort',
  'schooling_aid',
  'housing_repair',
] as const;
const HEARD = [
  '家中老人身体尚可，关心医保报销',
  '希望村道早日硬化',
  '孩子上学路远，盼有校车',
  '种植缺技术，想参加培训',
  '低保年审材料不会填',
];

function actorFor(district: (typeof DEMO_DISTRICTS)[number]): Actor {
  return {
    id: `demo-loader-${district.code}`,
    name: '演示数据',
    roles: ['district_admin'],
    scope: district.path,
    districtId: district.id,
  };
}

/** Noon in Shanghai on a business date, as an instant (what "now" was when the entry was written). */
function noonOf(date: string): Date {
  return new Date(`${date}T04:00:00Z`);
}

/** Runs `work` over `items` with a small pool, so the load uses the database without flooding it. */
async function pool<T>(
  items: readonly T[],
  size: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const index = next;
        next += 1;
        const item = items[index];
        if (item !== undefined) await work(item, index);
      }
    }),
  );
}

/**
 * Loads a year of demo work on top of the registry's demo roster (which reaches this service as
 * events): pairings covering the demo households, visits, tickets, grassroots days, pledges and a
 * spot check per township — with about a quarter of the cadres behind schedule so the early
 * warnings have something to show. Everything goes through the use cases (so the outbox carries
 * the events too). Safe to run again: a district that already has pairings is skipped.
 */
export class DemoLoader {
  private readonly db: PairingDatabase;

  constructor(
    private readonly dataSource: DataSource,
    private readonly now: Date = new Date(),
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.db = new PairingDatabase(dataSource);
  }

  private context(district: (typeof DEMO_DISTRICTS)[number], at: Date): CommandContext {
    return { actor: actorFor(district), correlationId: `demo-${district.code}`, now: at };
  }

  private async count(sql: string, params: unknown[] = []): Promise<number> {
    return inTransaction(
      this.dataSource,
      SYSTEM_SCOPE,
      async (tx) => ((await tx.manager.query(sql, params)) as { n: number }[])[0]?.n ?? 0,
    );
  }

  /** Waits until the registry's demo roster has arrived through the consumer and stopped growing. */
  async waitForProjections(timeoutMs: number, intervalMs = 1000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let previous = -1;
    let stableRounds = 0;
    while (Date.now() < deadline) {
      const seen = await this.count(
        `SELECT (SELECT count(*) FROM members WHERE district_id = ANY($1::uuid[])) + (SELECT count(*) FROM households WHERE district_id = ANY($1::uuid[])) AS n`,
        [DEMO_DISTRICTS.map((district) => district.id)],
      );
      stableRounds = seen > 0 && seen === previous ? stableRounds + 1 : 0;
      if (stableRounds >= 3) return true;
      previous = seen;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
    return false;
  }

  async load(): Promise<DemoSummary> {
    const summary = { pairings: 0, visits: 0, tickets: 0, grassrootsDays: 0, pledges: 0, spotChecks: 0 };
    for (const district of DEMO_DISTRICTS) {
      const existing = await this.count(`SELECT count(*)::int AS n FROM pairings WHERE district_id = $1`, [
        district.id,
      ]);
      if (existing > 0) {
        this.log(`[demo] ${district.code}: already loaded (${existing} pairings)`);
        continue;
      }
      const part = await this.loadDistrict(district);
      for (const key of Object.keys(summary) as (keyof typeof summary)[]) summary[key] += part[key];
    }
    return { loaded: true, ...summary };
  }

  private async loadDistrict(
    district: (typeof DEMO_DISTRICTS)[number],
  ): Promise<Omit<DemoSummary, 'loaded' | 'reason'>> {
    const random = new SeededRandom(district.code === 'taoyuan' ? 20131107 : 20141101);
    const today = shanghaiDate(this.now);
    const year = Number(today.slice(0, 4));
    const yearStart = `${year}-01-01`;
    const elapsed = dayOfYear(today) / daysInYear(year);
    const start = this.context(district, noonOf(yearStart));

    // 1. Pairings: the deterministic suggestion, ordinary members included where cadres run out (001 §3.7).
    const suggestion = await new SuggestPairingsHandler(this.db).execute(start, {
      orgPath: district.path,
      includeOrdinaryMembers: true,
    });
    const createPairing = new CreatePairingHandler(this.db);
    await pool(suggestion.suggestions, 4, async ({ householdId, cadreId }) => {
      await createPairing.execute(start, {
        householdId,
        cadreId,
        selection: random.next() < 0.3 ? 'two_way' : 'assigned',
        startedOn: yearStart,
      });
    });
    this.log(
      `[demo] ${district.code}: ${suggestion.suggestions.length} pairings (${suggestion.unassigned.length} households left for re-pairing)`,
    );

    // 2. Visits: each cadre visits their households in turn; about a quarter fall behind schedule.
    const cadres = (await inTransaction(this.dataSource, SYSTEM_SCOPE, (tx) =>
      tx.manager.query(
        `SELECT m.id, m.org_path, m.cadre_rank, m.branch_unit_id FROM members m
          WHERE m.district_id = $1 AND m.status = 'active' AND EXISTS (SELECT 1 FROM pairings p WHERE p.cadre_id = m.id AND p.status = 'active')
          ORDER BY m.id`,
        [district.id],
      ),
    )) as CadreRow[];
    const householdsOf = new Map<string, string[]>();
    for (const { householdId, cadreId } of suggestion.suggestions)
      householdsOf.set(cadreId, [...(householdsOf.get(cadreId) ?? []), householdId]);
    const logVisit = new LogVisitHandler(this.db, new VisitDiaryWriter(this.db.dataSource));
    const transition = new TransitionTicketHandler(this.db);
    const dayOffset = Math.max(1, dayOfYear(today) - 1);
    let visits = 0;
    let tickets = 0;
    const visitJobs: {
      cadre: CadreRow;
      householdId: string;
      date: string;
      problem: boolean;
      matter: boolean;
    }[] = [];
    for (const cadre of cadres) {
      const rank = isCadreRank(cadre.cadre_rank) ? cadre.cadre_rank : 'none';
      const target = DEFAULT_QUOTA_RULES[rank].visits ?? 2;
      const pace = random.next() < 0.25 ? 0.35 : 1.15;
      const count = Math.max(rank === 'none' ? 1 : 0, Math.round(target * elapsed * pace));
      const households = householdsOf.get(cadre.id) ?? [];
      for (let index = 0; index < count && households.length > 0; index += 1) {
        visitJobs.push({
          cadre,
          householdId: households[index % households.length] ?? '',
          date: addDays(yearStart, Math.floor(((index + random.next()) / count) * dayOffset)),
          problem: random.next() < 0.3,
          matter: random.next() < 0.35,
        });
      }
    }
    await pool(visitJobs, 4, async (job) => {
      const at = noonOf(job.date);
      const context = this.context(district, at);
      const visit = await logVisit.execute(context, {
        householdId: job.householdId,
        cadreId: job.cadre.id,
        visitDate: job.date,
        kind: random.next() < 0.8 ? 'home' : 'phone',
        heard: random.pick(HEARD),
        problemsRaised: job.problem
          ? [{ category: random.pick(PROBLEM_CATEGORIES), summary: '群众反映的问题' }]
          : [],
        mattersDone: job.matter
          ? [{ category: random.pick(MATTER_CATEGORIES), summary: '帮办实事', evidence: ['demo-evidence'] }]
          : [],
      });
      visits += 1;
      for (const ticketId of visit.ticketIds ?? []) {
        tickets += 1;
        // Most problems are handled within days; the recent ones and a few old ones stay open (overdue list).
        const handled = random.next() < 0.75 && addDays(job.date, 10) < today;
        if (!handled) continue;
        const later = (days: number) => this.context(district, new Date(at.getTime() + days * 86_400_000));
        await transition.execute(later(0.1), ticketId, { action: 'accept', memberId: job.cadre.id });
        await transition.execute(later(2), ticketId, {
          action: 'resolve',
          resolutionCode: random.next() < 0.8 ? 'solved' : 'explained',
          resolution: '已办结',
        });
        await transition.execute(later(3), ticketId, { action: 'give_feedback', channel: 'in_person' });
        await transition.execute(later(3.1), ticketId, {
          action: 'close',
          satisfaction: random.pick(['satisfied', 'satisfied', 'basically', 'unsatisfied'] as const),
        });
      }
    });
    this.log(`[demo] ${district.code}: ${visits} visits, ${tickets} tickets from visits`);

    // 3. Grassroots days for the ranks with a 100-day target, at their own pace.
    const recordDay = new RecordGrassrootsDayHandler(this.db);
    const dayJobs: { cadre: CadreRow; date: string }[] = [];
    // A sample of cadres keeps the demo load to about a minute; their days still show the pace.
    const withDayTargets = cadres.filter(
      (cadre) =>
        DEFAULT_QUOTA_RULES[isCadreRank(cadre.cadre_rank) ? cadre.cadre_rank : 'none'].grassrootsDays !==
        null,
    );
    for (const cadre of withDayTargets.slice(0, DAY_SAMPLE_CADRES)) {
      const rank = isCadreRank(cadre.cadre_rank) ? cadre.cadre_rank : 'none';
      const target = DEFAULT_QUOTA_RULES[rank].grassrootsDays;
      if (target === null) continue;
      const days = Math.round(target * elapsed * (random.next() < 0.25 ? 0.4 : 1.1));
      const step = Math.max(1, Math.floor(dayOffset / Math.max(1, days)));
      for (let index = 0; index < days && index * step < dayOffset; index += 1)
        dayJobs.push({ cadre, date: addDays(yearStart, index * step) });
    }
    await pool(dayJobs, 4, async (job) => {
      await recordDay.execute(this.context(district, noonOf(job.date)), {
        cadreId: job.cadre.id,
        servedOn: job.date,
        place: '驻村工作',
        activity: '走访群众、协调村务',
        stayedOvernight: random.next() < 0.5,
      });
    });

    // 4. Pledges: a third of the cadres pledge two things; most are published, some fulfilled and evaluated.
    const make = new MakePledgeHandler(this.db);
    const publish = new PublishPledgeHandler(this.db);
    const progress = new ReportPledgeProgressHandler(this.db);
    const fulfil = new FulfilPledgeHandler(this.db);
    const evaluate = new EvaluatePledgeHandler(this.db);
    let pledges = 0;
    const pledgers = cadres.filter(() => random.next() < 0.33);
    await pool(pledgers, 4, async (cadre) => {
      for (const [content, category] of [
        ['为联系户申请危房改造补助', 'housing'],
        ['组织一次农技培训', 'training'],
      ] as const) {
        const context = this.context(district, noonOf(addDays(yearStart, 20)));
        const pledge = await make.execute(context, {
          memberId: cadre.id,
          year,
          category,
          content,
          deadline: `${year}-11-30`,
          qualityStandard: '群众满意、资料齐全',
          householdIds: [],
        });
        pledges += 1;
        await publish.execute(this.context(district, noonOf(addDays(yearStart, 30))), pledge.id, {});
        const roll = random.next();
        if (roll < 0.4 && elapsed > 0.4) {
          await fulfil.execute(
            this.context(district, noonOf(addDays(yearStart, Math.floor(dayOffset * 0.8)))),
            pledge.id,
            { evidence: ['demo-fulfilment-record'] },
          );
          await evaluate.execute(
            this.context(district, noonOf(addDays(yearStart, Math.floor(dayOffset * 0.9)))),
            pledge.id,
            {
              rating: random.pick(['satisfied', 'satisfied', 'basically', 'unsatisfied'] as const),
              evaluatorKind: 'resident',
            },
          );
        } else if (roll < 0.8 && elapsed > 0.2) {
          await progress.execute(
            this.context(district, noonOf(addDays(yearStart, Math.floor(dayOffset * 0.5)))),
            pledge.id,
            { percent: 50, note: '已完成一半' },
          );
        }
      }
    });

    // 5. A hotline work order per township and a spot check with call-backs, a few visits denied.
    const townships = (await inTransaction(this.dataSource, SYSTEM_SCOPE, (tx) =>
      tx.manager.query(
        `SELECT id, org_path FROM org_units WHERE district_id = $1 AND level = 'township' ORDER BY org_path`,
        [district.id],
      ),
    )) as { id: string; org_path: string }[];
    const hotline = new IntakeHotlineTicketHandler(this.db);
    const draw = new DrawSpotCheckHandler(this.db, 0.05);
    const callBack = new RecordCallBackHandler(this.db);
    let spotChecks = 0;
    for (const [index, township] of townships.entries()) {
      await hotline.execute(this.context(district, noonOf(addDays(today, -3))), {
        hotlineTicketNo: `96333-DEMO-${district.code}-${index + 1}`,
        category: 'infrastructure',
        summary: '群众来电反映村道破损',
        unitId: township.id,
      });
      tickets += 1;
      const check = await draw.execute(this.context(district, this.now), {
        unitId: township.id,
        periodFrom: yearStart,
        periodTo: today,
        share: 0.05,
        seed: `demo-${district.code}-${index + 1}`,
      });
      spotChecks += 1;
      for (const item of check.items) {
        const roll = random.next();
        const result = roll < 0.8 ? 'confirmed' : roll < 0.9 ? 'unreachable' : 'not_confirmed';
        await callBack.execute(this.context(district, this.now), check.id, { visitId: item.visitId, result });
      }
    }
    this.log(
      `[demo] ${district.code}: ${dayJobs.length} grassroots days, ${pledges} pledges, ${spotChecks} spot checks`,
    );
    return {
      pairings: suggestion.suggestions.length,
      visits,
      tickets,
      grassrootsDays: dayJobs.length,
      pledges,
      spotChecks,
    };
  }
}
