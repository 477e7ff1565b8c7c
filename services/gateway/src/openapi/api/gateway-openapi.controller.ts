import { Controller, Get, Inject } from '@nestjs/common';
import { Public } from '@lianxin/platform-http';
import { MergedOpenApiService } from '../application/merged-openapi.service';
import { type JsonObject } from '../domain/merge-openapi';

/**
 * Serves the merged document at `/openapi.json`. Registered before the platform's own
 * `/openapi.json` route, so this one answers (the platform's would describe only the gateway).
 */
@Public()
@Controller()
export class GatewayOpenApiController {
  constructor(@Inject(MergedOpenApiService) private readonly openApi: MergedOpenApiService) {}

  @Get('openapi.json')
  document(): Promise<JsonObject> {
    return this.openApi.document();
  }
}
