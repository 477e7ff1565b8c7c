import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CurrentActor, type Actor } from '@lianxin/auth';
import { ApiRoute, Idempotent, ZodBody, ZodParams } from '@lianxin/platform-http';
import { z } from 'zod';
import { CloseApplicationsHandler } from '../application/commands/close-applications/close-applications.handler';
import {
  cancelSelectionBody,
  CancelSelectionHandler,
  type CancelSelectionCommand,
} from '../application/commands/cancel-selection/cancel-selection.handler';
import { ConfirmSelectionHandler } from '../application/commands/confirm-selection/confirm-selection.handler';
import {
  nominateCandidateBody,
  NominateCandidateHandler,
  type NominateCandidateCommand,
} from '../application/commands/nominate-candidate/nominate-candidate.handler';
import {
  openSelectionBody,
  OpenSelectionHandler,
  type OpenSelectionCommand,
} from '../application/commands/open-selection/open-selection.handler';
import { PubliciseResultHandler } from '../application/commands/publicise-result/publicise-result.handler';
import {
  raiseObjectionBody,
  RaiseObjectionHandler,
  type RaiseObjectionCommand,
} from '../application/commands/raise-objection/raise-objection.handler';
import {
  shortlistCandidatesBody,
  ShortlistCandidatesHandler,
} from '../application/commands/shortlist-candidates/shortlist-candidates.handler';
import {
  submitApplicationBody,
  SubmitApplicationHandler,
  type SubmitApplicationCommand,
} from '../application/commands/submit-application/submit-application.handler';
import {
  tallyVotesBody,
  TallyVotesHandler,
  type TallyVotesCommand,
} from '../application/commands/tally-votes/tally-votes.handler';
import {
  GetSelectionHandler,
  selectionDetailSchema,
  type SelectionDetail,
} from '../application/queries/get-selection/get-selection.handler';
import { selectionViewSchema, type SelectionView } from '../application/selection-view';

const idParams = z.strictObject({ id: z.uuid() });
const tags = ['posts'];
const steps = { responses: { 200: selectionViewSchema }, errors: [404, 409, 422] } as const;
type Id = { id: string };

// Two-way selection (设岗定责): each step is one route; a step out of order is a 409 naming the allowed ones.
@Controller('api/v1/post-selections')
export class PostSelectionsController {
  constructor(
    private readonly open: OpenSelectionHandler,
    private readonly apply: SubmitApplicationHandler,
    private readonly close: CloseApplicationsHandler,
    private readonly nominate: NominateCandidateHandler,
    private readonly shortlist: ShortlistCandidatesHandler,
    private readonly tally: TallyVotesHandler,
    private readonly publicise: PubliciseResultHandler,
    private readonly object: RaiseObjectionHandler,
    private readonly confirm: ConfirmSelectionHandler,
    private readonly cancel: CancelSelectionHandler,
    private readonly getOne: GetSelectionHandler,
  ) {}

  @Post()
  @Idempotent()
  @ApiRoute({
    summary: 'Open a selection for a post type in a branch',
    action: 'registry.post.write',
    tags,
    responses: { 201: selectionViewSchema },
    errors: [404, 422],
  })
  openSelection(
    @ZodBody(openSelectionBody) body: OpenSelectionCommand,
    @CurrentActor() actor: Actor,
  ): Promise<SelectionView> {
    return this.open.execute(body, actor);
  }

  @Get(':id')
  @ApiRoute({
    summary: 'A selection with candidates, objections, allowed next steps and its audit trail',
    action: 'registry.post.read',
    tags,
    responses: { 200: selectionDetailSchema },
    errors: [404],
  })
  getSelection(@ZodParams(idParams) p: Id, @CurrentActor() actor: Actor): Promise<SelectionDetail> {
    return this.getOne.execute(p.id, actor);
  }

  @Post(':id/applications')
  @HttpCode(200)
  @ApiRoute({ summary: 'A member applies (党员自己申报)', action: 'registry.post.write', tags, ...steps })
  submitApplication(
    @ZodParams(idParams) p: Id,
    @ZodBody(submitApplicationBody) body: Omit<SubmitApplicationCommand, 'selectionId'>,
    @CurrentActor() actor: Actor,
  ): Promise<SelectionView> {
    return this.apply.execute({ ...body, selectionId: p.id }, actor);
  }

  @Post(':id/close-applications')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Close applications, open resident nominations',
    action: 'registry.post.write',
    tags,
    ...steps,
  })
  closeApplications(@ZodParams(idParams) p: Id, @CurrentActor() actor: Actor): Promise<SelectionView> {
    return this.close.execute(p.id, actor);
  }

  @Post(':id/nominations')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Record a resident nomination (群众提名推荐)',
    action: 'registry.post.write',
    tags,
    ...steps,
  })
  nominateCandidate(
    @ZodParams(idParams) p: Id,
    @ZodBody(nominateCandidateBody) body: Omit<NominateCandidateCommand, 'selectionId'>,
    @CurrentActor() actor: Actor,
  ): Promise<SelectionView> {
    return this.nominate.execute({ ...body, selectionId: p.id }, actor);
  }

  @Post(':id/shortlist')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Shortlist more candidates than seats (差额)',
    action: 'registry.post.write',
    tags,
    ...steps,
  })
  shortlistCandidates(
    @ZodParams(idParams) p: Id,
    @ZodBody(shortlistCandidatesBody) body: { candidateMemberIds: string[] },
    @CurrentActor() actor: Actor,
  ): Promise<SelectionView> {
    return this.shortlist.execute({ ...body, selectionId: p.id }, actor);
  }

  @Post(':id/vote-tally')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Enter the counted votes of members and resident representatives',
    action: 'registry.post.write',
    tags,
    ...steps,
  })
  tallyVotes(
    @ZodParams(idParams) p: Id,
    @ZodBody(tallyVotesBody) body: Omit<TallyVotesCommand, 'selectionId'>,
    @CurrentActor() actor: Actor,
  ): Promise<SelectionView> {
    return this.tally.execute({ ...body, selectionId: p.id }, actor);
  }

  @Post(':id/publicise')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Publicise the result (公示) and open the objection window',
    action: 'registry.post.write',
    tags,
    ...steps,
  })
  publiciseResult(@ZodParams(idParams) p: Id, @CurrentActor() actor: Actor): Promise<SelectionView> {
    return this.publicise.execute(p.id, actor);
  }

  @Post(':id/objections')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Record an objection during the publicity window',
    action: 'registry.post.write',
    tags,
    ...steps,
  })
  raiseObjection(
    @ZodParams(idParams) p: Id,
    @ZodBody(raiseObjectionBody) body: Omit<RaiseObjectionCommand, 'selectionId'>,
    @CurrentActor() actor: Actor,
  ): Promise<SelectionView> {
    return this.object.execute({ ...body, selectionId: p.id }, actor);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Confirm after the objection window: the elected take up their posts',
    action: 'registry.post.write',
    tags,
    ...steps,
  })
  confirmSelection(@ZodParams(idParams) p: Id, @CurrentActor() actor: Actor): Promise<SelectionView> {
    return this.confirm.execute(p.id, actor);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Cancel a selection in progress (any state before confirmed), with a reason',
    description:
      'Allowed while the selection is open, nominating, shortlisted, voted or publicised; a confirmed or cancelled selection answers 409 with the allowed steps. Publishes registry.post-selection.cancelled (without the reason text).',
    action: 'registry.post.write',
    tags,
    ...steps,
  })
  cancelSelection(
    @ZodParams(idParams) p: Id,
    @ZodBody(cancelSelectionBody) body: Omit<CancelSelectionCommand, 'selectionId'>,
    @CurrentActor() actor: Actor,
  ): Promise<SelectionView> {
    return this.cancel.execute({ ...body, selectionId: p.id }, actor);
  }
}
