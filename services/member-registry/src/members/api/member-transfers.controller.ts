import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CurrentActor, type Actor } from '@lianxin/auth';
import { ApiRoute, ZodBody, ZodParams, ZodQuery } from '@lianxin/platform-http';
import { z } from 'zod';
import {
  acceptTransferBody,
  AcceptTransferHandler,
} from '../application/commands/accept-transfer/accept-transfer.handler';
import {
  listTransfersQuery,
  ListTransfersHandler,
  type ListTransfersQuery,
} from '../application/queries/list-transfers/list-transfers.handler';
import { transferViewSchema, type TransferView } from '../application/transfer-view';

const tags = ['members'];

// Registered before MembersController so `/members/transfers` is not taken for a member id.
@Controller('api/v1/members/transfers')
export class MemberTransfersController {
  constructor(
    private readonly accept: AcceptTransferHandler,
    private readonly list: ListTransfersHandler,
  ) {}

  @Get()
  @ApiRoute({
    summary: 'Transfers out of and into the caller’s scope (each side sees its own part)',
    action: 'registry.member.read',
    tags,
    responses: { 200: z.object({ items: z.array(transferViewSchema) }) },
  })
  listTransfers(
    @ZodQuery(listTransfersQuery) query: ListTransfersQuery,
    @CurrentActor() actor: Actor,
  ): Promise<{ items: TransferView[] }> {
    return this.list.execute(query, actor);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Accept an incoming transfer into a branch (组织关系转入)',
    action: 'registry.member.transfer',
    tags,
    responses: { 200: transferViewSchema },
    errors: [404, 409, 422],
  })
  acceptTransfer(
    @ZodParams(z.strictObject({ id: z.uuid() })) params: { id: string },
    @ZodBody(acceptTransferBody) body: { toBranchId: string },
    @CurrentActor() actor: Actor,
  ): Promise<TransferView> {
    return this.accept.execute({ ...body, transferId: params.id }, actor);
  }
}
