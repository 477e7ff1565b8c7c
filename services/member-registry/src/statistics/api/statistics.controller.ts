import { Controller, Get } from '@nestjs/common';
import { CurrentActor, type Actor } from '@lianxin/auth';
import { ApiRoute, ZodQuery } from '@lianxin/platform-http';
import {
  compositionQuery,
  compositionSchema,
  GetCompositionHandler,
  type Composition,
  type CompositionQuery,
} from '../application/queries/get-composition/get-composition.handler';

@Controller('api/v1/statistics')
export class StatisticsController {
  constructor(private readonly composition: GetCompositionHandler) {}

  @Get('composition')
  @ApiRoute({
    summary: 'Member composition of a unit’s subtree (001 §2 figures)',
    action: 'registry.statistics.read',
    tags: ['statistics'],
    responses: { 200: compositionSchema },
    errors: [404],
  })
  getComposition(
    @ZodQuery(compositionQuery) query: CompositionQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Composition> {
    return this.composition.execute(query, actor);
  }
}
