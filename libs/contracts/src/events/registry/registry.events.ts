// Every registry event version. A new event or version: add its file, list it here, then run
// `npm run contracts:generate -- --update-snapshots` (see libs/contracts/README.md).
import { householdDeactivatedV1 } from './household-deactivated.v1';
import { householdHardshipStatusChangedV1 } from './household-hardship-status-changed.v1';
import { householdRegisteredV1 } from './household-registered.v1';
import { householdUpdatedV1 } from './household-updated.v1';
import { memberCardPublishedV1 } from './member-card-published.v1';
import { memberDeactivatedV1 } from './member-deactivated.v1';
import { memberRegisteredV1 } from './member-registered.v1';
import { memberTransferredInV1 } from './member-transferred-in.v1';
import { memberTransferredOutV1 } from './member-transferred-out.v1';
import { memberUpdatedV1 } from './member-updated.v1';
import { orgUnitCreatedV1 } from './org-unit-created.v1';
import { orgUnitDeactivatedV1 } from './org-unit-deactivated.v1';
import { orgUnitMovedV1 } from './org-unit-moved.v1';
import { orgUnitRenamedV1 } from './org-unit-renamed.v1';
import { partyGroupActivityRecordedV1 } from './party-group-activity-recorded.v1';
import { partyGroupCreatedV1 } from './party-group-created.v1';
import { partyGroupLeaderChangedV1 } from './party-group-leader-changed.v1';
import { partyGroupMemberJoinedV1 } from './party-group-member-joined.v1';
import { partyGroupMemberLeftV1 } from './party-group-member-left.v1';
import { postSelectionApplicationSubmittedV1 } from './post-selection-application-submitted.v1';
import { postSelectionCancelledV1 } from './post-selection-cancelled.v1';
import { postSelectionConfirmedV1 } from './post-selection-confirmed.v1';
import { postSelectionNominationReceivedV1 } from './post-selection-nomination-received.v1';
import { postSelectionObjectionRaisedV1 } from './post-selection-objection-raised.v1';
import { postSelectionOpenedV1 } from './post-selection-opened.v1';
import { postSelectionPublicisedV1 } from './post-selection-publicised.v1';
import { postSelectionShortlistedV1 } from './post-selection-shortlisted.v1';
import { postSelectionVoteTalliedV1 } from './post-selection-vote-tallied.v1';
import { postTypeCreatedV1 } from './post-type-created.v1';

export {
  householdDeactivatedV1,
  householdHardshipStatusChangedV1,
  householdRegisteredV1,
  householdUpdatedV1,
  memberCardPublishedV1,
  memberDeactivatedV1,
  memberRegisteredV1,
  memberTransferredInV1,
  memberTransferredOutV1,
  memberUpdatedV1,
  orgUnitCreatedV1,
  orgUnitDeactivatedV1,
  orgUnitMovedV1,
  orgUnitRenamedV1,
  partyGroupActivityRecordedV1,
  partyGroupCreatedV1,
  partyGroupLeaderChangedV1,
  partyGroupMemberJoinedV1,
  partyGroupMemberLeftV1,
  postSelectionApplicationSubmittedV1,
  postSelectionCancelledV1,
  postSelectionConfirmedV1,
  postSelectionNominationReceivedV1,
  postSelectionObjectionRaisedV1,
  postSelectionOpenedV1,
  postSelectionPublicisedV1,
  postSelectionShortlistedV1,
  postSelectionVoteTalliedV1,
  postTypeCreatedV1,
};

export const REGISTRY_EVENTS = [
  householdDeactivatedV1,
  householdHardshipStatusChangedV1,
  householdRegisteredV1,
  householdUpdatedV1,
  memberCardPublishedV1,
  memberDeactivatedV1,
  memberRegisteredV1,
  memberTransferredInV1,
  memberTransferredOutV1,
  memberUpdatedV1,
  orgUnitCreatedV1,
  orgUnitDeactivatedV1,
  orgUnitMovedV1,
  orgUnitRenamedV1,
  partyGroupActivityRecordedV1,
  partyGroupCreatedV1,
  partyGroupLeaderChangedV1,
  partyGroupMemberJoinedV1,
  partyGroupMemberLeftV1,
  postSelectionApplicationSubmittedV1,
  postSelectionCancelledV1,
  postSelectionConfirmedV1,
  postSelectionNominationReceivedV1,
  postSelectionObjectionRaisedV1,
  postSelectionOpenedV1,
  postSelectionPublicisedV1,
  postSelectionShortlistedV1,
  postSelectionVoteTalliedV1,
  postTypeCreatedV1,
] as const;
