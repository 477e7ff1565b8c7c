import { type Actor, CurrentActor } from '@lianxin/auth';
import { ApiRoute, Idempotent, ZodBody, ZodParams } from '@lianxin/platform-http';
import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { z } from 'zod';
import { CommandContextFactory } from '../../shared/api/command-context.factory';
import { DrawSpotCheckHandler } from '../application/commands/draw-spot-check/draw-spot-check.handler';
import { RecordCallBackHandler } from '../application/commands/record-call-back/record-call-back.handler';
import { GetSpotCheckHandler } from '../application/queries/get-spot-check/get-spot-check.handler';
import {
  callBackBody,
  drawSpotCheckBody,
  spotCheckResponse,
  verifyResponse,
  type CallBackInput,
  type DrawSpotCheckInput,
  type SpotCheckView,
  type VerifyView,
} from '../application/spot-checks.schemas';

const tags = ['spot-checks'];
const idParams = z.strictObject({ id: z.uuid() });

@Controller('api/v1/spot-checks')
export class SpotChecksController {
  constructor(
    private readonly context: CommandContextFactory,
    private readonly draw: DrawSpotCheckHandler,
    private readonly callBack: RecordCallBackHandler,
    private readonly get: GetSpotCheckHandler,
  ) {}

  @Post()
  @Idempotent()
  @ApiRoute({
    summary: 'Draw a reproducible random sample of a unit’s visits (随机抽查)',
    action: 'pairing.spot-check.write',
    tags,
    responses: { 201: spotCheckResponse },
    errors: [403, 404],
  })
  create(
    @CurrentActor() actor: Actor,
    @ZodBody(drawSpotCheckBody) body: DrawSpotCheckInput,
  ): Promise<SpotCheckView> {
    return this.draw.execute(this.context.of(actor), body);
  }

  @Get(':id')
  @ApiRoute({
    summary: 'A spot check with its call-back results',
    action: 'pairing.spot-check.read',
    tags,
    responses: { 200: spotCheckResponse },
    errors: [404],
  })
  find(@CurrentActor() actor: Actor, @ZodParams(idParams) params: { id: string }): Promise<SpotCheckView> {
    return this.get.execute(this.context.of(actor), params.id);
  }

  @Get(':id/verification')
  @ApiRoute({
    summary: 'Redo the draw from the recorded seed and compare (audit)',
    action: 'pairing.spot-check.read',
    tags,
    responses: { 200: verifyResponse },
    errors: [404],
  })
  verify(@CurrentActor() actor: Actor, @ZodParams(idParams) params: { id: string }): Promise<VerifyView> {
    return this.get.verify(this.context.of(actor), params.id);
  }

  @Post(':id/call-backs')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Record a phone call-back (电话回访); an unconfirmed visit stops counting',
    action: 'pairing.spot-check.write',
    tags,
    responses: { 200: spotCheckResponse },
    errors: [403, 404],
  })
  record(
    @CurrentActor() actor: Actor,
    @ZodParams(idParams) params: { id: string },
    @ZodBody(callBackBody) body: CallBackInput,
  ): Promise<SpotCheckView> {
    return this.callBack.execute(this.context.of(actor), params.id, body);
  }
}
