import { OrgUnitOrmEntity } from '../projections/infrastructure/org-unit.orm-entity';
import { MemberOrmEntity } from '../projections/infrastructure/member.orm-entity';
import { HouseholdOrmEntity } from '../projections/infrastructure/household.orm-entity';
import { QuotaRuleSetOrmEntity } from '../quota-rules/infrastructure/quota-rule-set.orm-entity';
import { SlaRuleOrmEntity } from '../tickets/infrastructure/sla-rule.orm-entity';
import { PairingOrmEntity } from '../pairings/infrastructure/pairing.orm-entity';
import { RepairingTaskOrmEntity } from '../pairings/infrastructure/repairing-task.orm-entity';
import { VisitOrmEntity } from '../visits/infrastructure/visit.orm-entity';
import { VisitCorrectionOrmEntity } from '../visits/infrastructure/visit-correction.orm-entity';
import { GrassrootsDayOrmEntity } from '../grassroots-days/infrastructure/grassroots-day.orm-entity';
import { PracticalMatterOrmEntity } from '../practical-matters/infrastructure/practical-matter.orm-entity';
import { TicketOrmEntity } from '../tickets/infrastructure/ticket.orm-entity';
import { TicketHistoryOrmEntity } from '../tickets/infrastructure/ticket-history.orm-entity';
import { PledgeOrmEntity } from '../pledges/infrastructure/pledge.orm-entity';
import { PledgeEvaluationOrmEntity } from '../pledges/infrastructure/pledge-evaluation.orm-entity';
import { PledgeReportOrmEntity } from '../pledges/infrastructure/pledge-report.orm-entity';
import { SpotCheckOrmEntity } from '../spot-checks/infrastructure/spot-check.orm-entity';
import { SpotCheckItemOrmEntity } from '../spot-checks/infrastructure/spot-check-item.orm-entity';
import { QuotaTallyOrmEntity } from '../quota-progress/infrastructure/quota-tally.orm-entity';

/** Every TypeORM entity of the service (the drift check compares them with the migrated schema). */
export const PAIRING_ENTITIES = [
  OrgUnitOrmEntity,
  MemberOrmEntity,
  HouseholdOrmEntity,
  QuotaRuleSetOrmEntity,
  SlaRuleOrmEntity,
  PairingOrmEntity,
  RepairingTaskOrmEntity,
  VisitOrmEntity,
  VisitCorrectionOrmEntity,
  GrassrootsDayOrmEntity,
  PracticalMatterOrmEntity,
  TicketOrmEntity,
  TicketHistoryOrmEntity,
  PledgeOrmEntity,
  PledgeEvaluationOrmEntity,
  PledgeReportOrmEntity,
  SpotCheckOrmEntity,
  SpotCheckItemOrmEntity,
  QuotaTallyOrmEntity,
];
