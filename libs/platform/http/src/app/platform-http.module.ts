import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import type { Logger } from '@lianxin/platform-telemetry';
import { HealthController } from '../health/health.controller';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { MetricsController } from '../metrics/metrics.controller';
import { OpenApiController } from '../openapi/openapi.controller';
import { ProblemExceptionFilter } from '../problem/problem-exception.filter';
import { HTTP_APP_OPTIONS, HTTP_LOGGER, type HttpAppOptions } from './http-app-options';

/** The platform endpoints and global filter/interceptor; `createHttpApp` adds it next to the AppModule. */
@Module({})
export class PlatformHttpModule {
  static forRoot(options: HttpAppOptions, logger: Logger): DynamicModule {
    return {
      module: PlatformHttpModule,
      imports: [DiscoveryModule],
      controllers: [HealthController, MetricsController, OpenApiController],
      providers: [
        { provide: HTTP_APP_OPTIONS, useValue: options },
        { provide: HTTP_LOGGER, useValue: logger },
        { provide: APP_FILTER, useValue: new ProblemExceptionFilter(logger) },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
