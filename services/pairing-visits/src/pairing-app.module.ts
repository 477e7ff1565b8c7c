import { AuthModule, type TokenVerifier, type TokenVerifierOptions } from '@lianxin/auth';
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { type DataSource } from 'typeorm';
import { GrassrootsDaysController } from './grassroots-days/api/grassroots-days.controller';
import { RecordGrassrootsDayHandler } from './grassroots-days/application/commands/record-grassroots-day/record-grassroots-day.handler';
import { GrassrootsDayTotalsHandler } from './grassroots-days/application/queries/grassroots-day-totals/grassroots-day-totals.handler';
import { HotlineController } from './hotline/api/hotline.controller';
import { IntakeHotlineTicketHandler } from './hotline/application/commands/intake-hotline-ticket/intake-hotline-ticket.handler';
import { GetHotlineStatusHandler } from './hotline/application/queries/get-hotline-status/get-hotline-status.handler';
import { PairingsController } from './pairings/api/pairings.controller';
import { CreatePairingHandler } from './pairings/application/commands/create-pairing/create-pairing.handler';
import { EndPairingHandler } from './pairings/application/commands/end-pairing/end-pairing.handler';
import { CoverageReportHandler } from './pairings/application/queries/coverage-report/coverage-report.handler';
import { ListPairingsHandler } from './pairings/application/queries/list-pairings/list-pairings.handler';
import { ListRepairingTasksHandler } from './pairings/application/queries/list-repairing-tasks/list-repairing-tasks.handler';
import { SuggestPairingsHandler } from './pairings/application/queries/suggest-pairings/suggest-pairings.handler';
import { PledgesController } from './pledges/api/pledges.controller';
import { EvaluatePledgeHandler } from './pledges/application/commands/evaluate-pledge/evaluate-pledge.handler';
import { FulfilPledgeHandler } from './pledges/application/commands/fulfil-pledge/fulfil-pledge.handler';
import { MakePledgeHandler } from './pledges/application/commands/make-pledge/make-pledge.handler';
import { PublishPledgeHandler } from './pledges/application/commands/publish-pledge/publish-pledge.handler';
import { ReportPledgeProgressHandler } from './pledges/application/commands/report-pledge-progress/report-pledge-progress.handler';
import { SubmitYearEndReportHandler } from './pledges/application/commands/submit-year-end-report/submit-year-end-report.handler';
import { ListPledgesHandler } from './pledges/application/queries/list-pledges/list-pledges.handler';
import { YearEndReportHandler } from './pledges/application/queries/year-end-report/year-end-report.handler';
import { PracticalMattersController } from './practical-matters/api/practical-matters.controller';
import { RecordPracticalMatterHandler } from './practical-matters/application/commands/record-practical-matter/record-practical-matter.handler';
import { PracticalMatterCountsHandler } from './practical-matters/application/queries/practical-matter-counts/practical-matter-counts.handler';
import { QuotaProgressController } from './quota-progress/api/quota-progress.controller';
import { GetCadreProgressHandler } from './quota-progress/application/queries/get-cadre-progress/get-cadre-progress.handler';
import { ListEarlyWarningsHandler } from './quota-progress/application/queries/list-early-warnings/list-early-warnings.handler';
import { UnitRollupsHandler } from './quota-progress/application/queries/unit-rollups/unit-rollups.handler';
import { QuotaRulesController } from './quota-rules/api/quota-rules.controller';
import { PublishQuotaRulesHandler } from './quota-rules/application/commands/publish-quota-rules/publish-quota-rules.handler';
import { GetQuotaRulesHandler } from './quota-rules/application/queries/get-quota-rules/get-quota-rules.handler';
import { CommandContextFactory } from './shared/api/command-context.factory';
import { Clock, SystemClock } from './shared/application/clock';
import { PAIRING_DATA_SOURCE, PairingDatabase } from './shared/application/pairing-database';
import { SpotChecksController } from './spot-checks/api/spot-checks.controller';
import {
  DrawSpotCheckHandler,
  SPOT_CHECK_DEFAULT_SHARE,
} from './spot-checks/application/commands/draw-spot-check/draw-spot-check.handler';
import { RecordCallBackHandler } from './spot-checks/application/commands/record-call-back/record-call-back.handler';
import { GetSpotCheckHandler } from './spot-checks/application/queries/get-spot-check/get-spot-check.handler';
import { TicketsController } from './tickets/api/tickets.controller';
import { ConfigureSlaHandler } from './tickets/application/commands/configure-sla/configure-sla.handler';
import { ReceiveTicketHandler } from './tickets/application/commands/receive-ticket/receive-ticket.handler';
import { TransitionTicketHandler } from './tickets/application/commands/transition-ticket/transition-ticket.handler';
import { GetTicketHandler } from './tickets/application/queries/get-ticket/get-ticket.handler';
import { ListOverdueTicketsHandler } from './tickets/application/queries/list-overdue-tickets/list-overdue-tickets.handler';
import { ListTicketsHandler } from './tickets/application/queries/list-tickets/list-tickets.handler';
import { VisitsController } from './visits/api/visits.controller';
import { CorrectVisitHandler } from './visits/application/commands/correct-visit/correct-visit.handler';
import { EditVisitHandler } from './visits/application/commands/edit-visit/edit-visit.handler';
import { LogVisitHandler } from './visits/application/commands/log-visit/log-visit.handler';
import { VisitDiaryWriter } from './visits/infrastructure/visit-diary-writer';
import { GetVisitHandler } from './visits/application/queries/get-visit/get-visit.handler';
import { ListVisitsHandler } from './visits/application/queries/list-visits/list-visits.handler';

export interface PairingAppDeps {
  readonly dataSource: DataSource;
  readonly verifier: TokenVerifierOptions | TokenVerifier;
  readonly spotCheckDefaultShare: number;
  /** Tests pass a controllable clock. */
  readonly clock?: Clock;
}

const HANDLERS = [
  CreatePairingHandler,
  EndPairingHandler,
  ListPairingsHandler,
  CoverageReportHandler,
  SuggestPairingsHandler,
  ListRepairingTasksHandler,
  PublishQuotaRulesHandler,
  GetQuotaRulesHandler,
  LogVisitHandler,
  EditVisitHandler,
  CorrectVisitHandler,
  GetVisitHandler,
  ListVisitsHandler,
  RecordGrassrootsDayHandler,
  GrassrootsDayTotalsHandler,
  RecordPracticalMatterHandler,
  PracticalMatterCountsHandler,
  ReceiveTicketHandler,
  TransitionTicketHandler,
  GetTicketHandler,
  ListTicketsHandler,
  ListOverdueTicketsHandler,
  ConfigureSlaHandler,
  IntakeHotlineTicketHandler,
  GetHotlineStatusHandler,
  MakePledgeHandler,
  PublishPledgeHandler,
  ReportPledgeProgressHandler,
  FulfilPledgeHandler,
  EvaluatePledgeHandler,
  SubmitYearEndReportHandler,
  ListPledgesHandler,
  YearEndReportHandler,
  DrawSpotCheckHandler,
  RecordCallBackHandler,
  GetSpotCheckHandler,
  GetCadreProgressHandler,
  ListEarlyWarningsHandler,
  UnitRollupsHandler,
];

/** The service's HTTP surface; main.ts and the tests build it with their own dependencies. */
@Module({})
export class PairingAppModule {
  static forRoot(deps: PairingAppDeps): DynamicModule {
    const providers: Provider[] = [
      { provide: PAIRING_DATA_SOURCE, useValue: deps.dataSource },
      { provide: Clock, useValue: deps.clock ?? new SystemClock() },
      { provide: SPOT_CHECK_DEFAULT_SHARE, useValue: deps.spotCheckDefaultShare },
      PairingDatabase,
      VisitDiaryWriter,
      CommandContextFactory,
      ...HANDLERS,
    ];
    return {
      module: PairingAppModule,
      imports: [AuthModule.forRoot({ verifier: deps.verifier })],
      controllers: [
        PairingsController,
        QuotaRulesController,
        VisitsController,
        GrassrootsDaysController,
        PracticalMattersController,
        TicketsController,
        HotlineController,
        PledgesController,
        SpotChecksController,
        QuotaProgressController,
      ],
      providers,
    };
  }
}
