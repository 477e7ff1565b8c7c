import {
  Inject,
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import swaggerUi from 'swagger-ui-express';
import { AuthModule } from '@lianxin/auth';
import { AuditController } from '../audit/api/audit.controller';
import { auditMiddleware } from '../audit/api/audit.middleware';
import { ListAuditEntriesHandler } from '../audit/application/queries/list-audit-entries/list-audit-entries.handler';
import { DevIssuerController } from '../auth/api/dev-issuer.controller';
import { DevTokenIssuer } from '../auth/application/issue-dev-token.handler';
import { corsMiddleware } from '../cors/cors.middleware';
import { ProxyController } from '../forwarding/api/proxy.controller';
import { ForwardRequestHandler } from '../forwarding/application/forward-request.handler';
import { GatewayOpenApiController } from '../openapi/api/gateway-openapi.controller';
import { MergedOpenApiService } from '../openapi/application/merged-openapi.service';
import { expressKeys } from '../rate-limit/rate-limiters';
import { GATEWAY_DEPENDENCIES, type GatewayDependencies } from './gateway-dependencies';

const SWAGGER_OPTIONS = {
  customSiteTitle: 'Lianxin API',
  swaggerOptions: { url: '/openapi.json', persistAuthorization: false },
};

@Module({})
export class GatewayModule implements NestModule, OnApplicationShutdown {
  constructor(@Inject(GATEWAY_DEPENDENCIES) private readonly deps: GatewayDependencies) {}

  static forRoot(deps: GatewayDependencies): DynamicModule {
    return {
      module: GatewayModule,
      imports: [AuthModule.forRoot({ verifier: deps.verifier })],
      // Order matters: Express matches the first registered route, and the proxy's catch-all
      // must come after the gateway's own routes.
      controllers: [
        ...(deps.devTokenIssuer ? [DevIssuerController] : []),
        AuditController,
        GatewayOpenApiController,
        ProxyController,
      ],
      providers: [
        { provide: GATEWAY_DEPENDENCIES, useValue: deps },
        { provide: ForwardRequestHandler, useValue: deps.forward },
        { provide: ListAuditEntriesHandler, useValue: deps.listAuditEntries },
        { provide: MergedOpenApiService, useValue: deps.openApi },
        ...(deps.devTokenIssuer ? [{ provide: DevTokenIssuer, useValue: deps.devTokenIssuer }] : []),
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    for (const step of this.deps.shutdownSteps.splice(0)) await step();
  }

  configure(consumer: MiddlewareConsumer): void {
    const { config, rateLimiters, auditTrail } = this.deps;
    // CORS first so that even 401/429 answers are readable by permitted browser origins.
    consumer.apply(corsMiddleware(config.corsOrigins), auditMiddleware(auditTrail)).forRoutes('{*splat}');
    consumer
      .apply(rateLimiters.tokenIssuePerIp.middleware(expressKeys.ip))
      .forRoutes({ path: 'api/v1/auth/token', method: RequestMethod.POST });
    consumer.apply(rateLimiters.publicPerIp.middleware(expressKeys.ip)).forRoutes('public/{*splat}');
    consumer
      .apply(rateLimiters.perToken.middleware(expressKeys.token))
      .exclude('api/v1/auth/{*splat}')
      .forRoutes('api/v1/{*splat}');
    consumer
      .apply(...swaggerUi.serveFiles(undefined, SWAGGER_OPTIONS), swaggerUi.setup(undefined, SWAGGER_OPTIONS))
      .forRoutes('docs');
  }
}
