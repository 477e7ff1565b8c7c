import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import type { Logger } from '@lianxin/platform-telemetry';
import { HTTP_APP_OPTIONS, HTTP_LOGGER, type HttpAppOptions } from '../app/http-app-options';
import { ApiRoute } from '../routes/api-route.decorator';
import { Public } from '../routes/public.decorator';
import { runReadinessChecks, type ReadinessReport } from './readiness';

const liveResponse = z.object({ status: z.literal('ok') });
const readyResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.record(z.string(), z.enum(['ok', 'failed', 'timeout'])),
});

@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HTTP_APP_OPTIONS) private readonly options: HttpAppOptions,
    @Inject(HTTP_LOGGER) private readonly logger: Logger,
  ) {}

  @Get('live')
  @ApiRoute({ summary: 'Liveness: the process is up', tags: ['health'], responses: { 200: liveResponse } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiRoute({
    summary: 'Readiness: every dependency check passes (503 otherwise)',
    tags: ['health'],
    responses: { 200: readyResponse },
  })
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessReport> {
    const report = await runReadinessChecks(
      this.options.readinessChecks ?? {},
      this.options.readinessTimeoutMs,
      (name, error) => this.logger.warn({ check: name, err: error }, 'readiness check failed'),
    );
    res.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
