import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { renderMetrics } from '@lianxin/platform-telemetry';
import { Public } from '../routes/public.decorator';

/** Prometheus scrape endpoint for the process-wide registry of `@lianxin/platform-telemetry`. */
@Public()
@Controller()
export class MetricsController {
  @Get('metrics')
  async metrics(@Res() res: Response): Promise<void> {
    const { contentType, body } = await renderMetrics();
    res.status(200).type(contentType).send(body);
  }
}
