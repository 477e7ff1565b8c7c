import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Module, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { createLogger, enableDefaultMetrics } from '@lianxin/platform-telemetry';
import { bodyParserErrorHandler, DEFAULT_BODY_LIMIT_BYTES, jsonBodyParser } from '../request/body-parser';
import { correlationMiddleware, requestContextMiddleware } from '../request/request-pipeline';
import type { HttpAppOptions, PreRouter } from './http-app-options';
import { NestPinoLogger } from './nest-logger';
import { PlatformHttpModule } from './platform-http.module';

@Module({})
class HttpRootModule {}

/**
 * Builds the service's Nest app with the platform behaviour every Lianxin service shares:
 * security headers, correlation ids and request context, request logs and metrics, a JSON body
 * limit, problem+json errors, `/health/live`, `/health/ready`, `/metrics` and `/openapi.json`.
 * The app is returned initialised but not listening: call `app.listen(port)` (or use
 * `app.getHttpServer()` with supertest).
 */
export async function createHttpApp(
  appModule: Type<unknown> | DynamicModule,
  options: HttpAppOptions,
): Promise<INestApplication> {
  const logger = options.logger ?? createLogger(options.serviceName);
  const bodyLimitBytes = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  enableDefaultMetrics();

  const app = await NestFactory.create<NestExpressApplication>(
    { module: HttpRootModule, imports: [appModule, PlatformHttpModule.forRoot(options, logger)] },
    { bodyParser: false, logger: new NestPinoLogger(logger) },
  );
  app.disable('x-powered-by');
  // Order matters: the correlation id must exist before anything can fail, and the async context
  // starts after the body parser (its stream callbacks would lose it).
  app.use(correlationMiddleware(logger));
  app.use(helmet());
  app.use(jsonBodyParser(bodyLimitBytes));
  app.use(bodyParserErrorHandler(logger, bodyLimitBytes));
  app.use(requestContextMiddleware());
  app.enableShutdownHooks();
  await app.init();
  if (options.preRouter) {
    const preRouter =
      'fromApp' in options.preRouter
        ? options.preRouter.fromApp(app, { logger, bodyLimitBytes })
        : options.preRouter;
    installPreRouter(app.getHttpServer() as Server, preRouter);
  }
  return app;
}

/**
 * Puts `preRouter` in front of the server's `request` event: ahead of Express's listener and also
 * of anything that wraps the server's `emit` — the OpenTelemetry http instrumentation binds every
 * request and response emitter to a context (even for requests it is told to ignore), which cost
 * the gateway's read lane a fifth of its CPU. A handler that takes the request opens its own
 * SERVER span (`beginRequest`).
 */
function installPreRouter(server: Server, preRouter: PreRouter): void {
  type Emit = (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  const emit = server.emit as Emit;
  const ahead: Emit = function (this: Server, event, ...args) {
    if (event === 'request' && preRouter(args[0] as IncomingMessage, args[1] as ServerResponse)) return true;
    return emit.apply(this, [event, ...args]);
  };
  Object.defineProperty(server, 'emit', { value: ahead, writable: true, configurable: true });
}
