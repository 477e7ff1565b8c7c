import { Module } from '@nestjs/common';
import { PostSelectionsController } from './api/post-selections.controller';
import { PostTypesController } from './api/post-types.controller';
import { CloseApplicationsHandler } from './application/commands/close-applications/close-applications.handler';
import { ConfirmSelectionHandler } from './application/commands/confirm-selection/confirm-selection.handler';
import { CreatePostTypeHandler } from './application/commands/create-post-type/create-post-type.handler';
import { NominateCandidateHandler } from './application/commands/nominate-candidate/nominate-candidate.handler';
import { OpenSelectionHandler } from './application/commands/open-selection/open-selection.handler';
import { CancelSelectionHandler } from './application/commands/cancel-selection/cancel-selection.handler';
import { PubliciseResultHandler } from './application/commands/publicise-result/publicise-result.handler';
import { RaiseObjectionHandler } from './application/commands/raise-objection/raise-objection.handler';
import { ShortlistCandidatesHandler } from './application/commands/shortlist-candidates/shortlist-candidates.handler';
import { SubmitApplicationHandler } from './application/commands/submit-application/submit-application.handler';
import { TallyVotesHandler } from './application/commands/tally-votes/tally-votes.handler';
import { GetSelectionHandler } from './application/queries/get-selection/get-selection.handler';
import { ListPostTypesHandler } from './application/queries/list-post-types/list-post-types.handler';

@Module({
  controllers: [PostTypesController, PostSelectionsController],
  providers: [
    CreatePostTypeHandler,
    ListPostTypesHandler,
    OpenSelectionHandler,
    SubmitApplicationHandler,
    CloseApplicationsHandler,
    NominateCandidateHandler,
    ShortlistCandidatesHandler,
    TallyVotesHandler,
    PubliciseResultHandler,
    CancelSelectionHandler,
    RaiseObjectionHandler,
    ConfirmSelectionHandler,
    GetSelectionHandler,
  ],
})
export class PostsModule {}
