import { Controller, Get, Inject } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { HTTP_APP_OPTIONS, type HttpAppOptions } from '../app/http-app-options';
import { Public } from '../routes/public.decorator';
import type { JsonSchema } from './json-schema';
import { buildOpenApiDocument } from './openapi-document';
import { discoverRoutes } from './route-discovery';

@Public()
@Controller()
export class OpenApiController {
  private document: JsonSchema | undefined;

  constructor(
    @Inject(HTTP_APP_OPTIONS) private readonly options: HttpAppOptions,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  /** Built on first request (routes are fixed once the app is initialised), then cached. */
  @Get('openapi.json')
  openApi(): JsonSchema {
    this.document ??= buildOpenApiDocument(
      { title: this.options.serviceName, version: this.options.version ?? '1.0.0' },
      discoverRoutes(this.discovery, this.scanner),
    );
    return this.document;
  }
}
