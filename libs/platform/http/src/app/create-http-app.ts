import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { Module, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { createLogger, enableDefaultMetrics } from '@lianxin/platform-telemetry';
import { bodyParserErrorHandler, DEFAULT_BODY_LIMIT_BYTES, jsonBodyParser } from '../request/body-parser';
import { correlationMiddleware, requestContextMiddleware } from '../request/request-pipeline';
import type { HttpAppOptions } from './http-app-options';
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
  if (options.preRouter) installPreRouter(app.getHttpServer() as Server, options.preRouter);
  return app;
}

/** Puts `preRouter` in front of the listeners Nest registered (Express) on the HTTP server. */
function installPreRouter(
  server: Server,
  preRouter: (req: IncomingMessage, res: ServerResponse) => boolean,
): void {
  const listeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (preRouter(req, res)) return;
    for (const listener of listeners) listener(req, res);
  });
}
