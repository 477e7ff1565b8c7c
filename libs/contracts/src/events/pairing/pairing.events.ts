// Every pairing event version. A new event or version: add its file, list it here, then run
// `npm run contracts:generate -- --update-snapshots` (see libs/contracts/README.md).
import { grassrootsDayRecordedV1 } from './grassroots-day-recorded.v1';
import { pairingCreatedV1 } from './pairing-created.v1';
import { pairingEndedV1 } from './pairing-ended.v1';
import { pairingRepairingTaskOpenedV1 } from './pairing-repairing-task-opened.v1';
import { pledgeEvaluatedV1 } from './pledge-evaluated.v1';
import { pledgeFulfilledV1 } from './pledge-fulfilled.v1';
import { pledgeMadeV1 } from './pledge-made.v1';
import { pledgeProgressUpdatedV1 } from './pledge-progress-updated.v1';
import { pledgePublishedV1 } from './pledge-published.v1';
import { practicalMatterDoneV1 } from './practical-matter-done.v1';
import { spotCheckCallBackRecordedV1 } from './spot-check-call-back-recorded.v1';
import { spotCheckDrawnV1 } from './spot-check-drawn.v1';
import { ticketAcceptedV1 } from './ticket-accepted.v1';
import { ticketClosedV1 } from './ticket-closed.v1';
import { ticketEscalatedV1 } from './ticket-escalated.v1';
import { ticketFeedbackGivenV1 } from './ticket-feedback-given.v1';
import { ticketHandOffAcceptedV1 } from './ticket-hand-off-accepted.v1';
import { ticketHandOffRequestedV1 } from './ticket-hand-off-requested.v1';
import { ticketReceivedV1 } from './ticket-received.v1';
import { ticketResolvedV1 } from './ticket-resolved.v1';
import { visitConfirmationChangedV1 } from './visit-confirmation-changed.v1';
import { visitCorrectedV1 } from './visit-corrected.v1';
import { visitLoggedV1 } from './visit-logged.v1';

export {
  grassrootsDayRecordedV1,
  pairingCreatedV1,
  pairingEndedV1,
  pairingRepairingTaskOpenedV1,
  pledgeEvaluatedV1,
  pledgeFulfilledV1,
  pledgeMadeV1,
  pledgeProgressUpdatedV1,
  pledgePublishedV1,
  practicalMatterDoneV1,
  spotCheckCallBackRecordedV1,
  spotCheckDrawnV1,
  ticketAcceptedV1,
  ticketClosedV1,
  ticketEscalatedV1,
  ticketFeedbackGivenV1,
  ticketHandOffAcceptedV1,
  ticketHandOffRequestedV1,
  ticketReceivedV1,
  ticketResolvedV1,
  visitConfirmationChangedV1,
  visitCorrectedV1,
  visitLoggedV1,
};

export const PAIRING_EVENTS = [
  grassrootsDayRecordedV1,
  pairingCreatedV1,
  pairingEndedV1,
  pairingRepairingTaskOpenedV1,
  pledgeEvaluatedV1,
  pledgeFulfilledV1,
  pledgeMadeV1,
  pledgeProgressUpdatedV1,
  pledgePublishedV1,
  practicalMatterDoneV1,
  spotCheckCallBackRecordedV1,
  spotCheckDrawnV1,
  ticketAcceptedV1,
  ticketClosedV1,
  ticketEscalatedV1,
  ticketFeedbackGivenV1,
  ticketHandOffAcceptedV1,
  ticketHandOffRequestedV1,
  ticketReceivedV1,
  ticketResolvedV1,
  visitConfirmationChangedV1,
  visitCorrectedV1,
  visitLoggedV1,
] as const;
