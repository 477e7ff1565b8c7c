import { Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { type Request } from 'express';
import { ApiRoute, Public, ZodBody } from '@lianxin/platform-http';
import { type JsonWebKeySet } from '@lianxin/auth';
import { rememberAuditActor } from '../../audit/domain/audit-actor';
import { DevTokenIssuer } from '../application/issue-dev-token.handler';
import {
  demoAccountsResponseSchema,
  jwksResponseSchema,
  tokenRequestSchema,
  tokenResponseSchema,
  type DemoAccountsResponse,
  type TokenRequest,
  type TokenResponse,
} from './dev-issuer.schemas';

/** Development identity provider endpoints (registered only outside production). */
@Public()
@Controller()
export class DevIssuerController {
  constructor(@Inject(DevTokenIssuer) private readonly issuer: DevTokenIssuer) {}

  @Post('api/v1/auth/token')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Issue a development token for a demo account (refused in production)',
    tags: ['auth'],
    body: tokenRequestSchema,
    responses: { 200: tokenResponseSchema },
    errors: [400, 401, 404, 429],
  })
  async issueToken(
    @ZodBody(tokenRequestSchema) body: TokenRequest,
    @Req() req: Request,
  ): Promise<TokenResponse> {
    const { response, account } = await this.issuer.issue(body);
    rememberAuditActor(req, {
      id: account.id,
      role: account.role,
      scope: account.scope,
      districtId: account.districtId,
    });
    return response;
  }

  @Get('api/v1/auth/demo-accounts')
  @ApiRoute({
    summary: 'Demo accounts of the development issuer',
    tags: ['auth'],
    responses: { 200: demoAccountsResponseSchema },
    errors: [404],
  })
  demoAccounts(): DemoAccountsResponse {
    return this.issuer.demoAccounts();
  }

  @Get('.well-known/jwks.json')
  @ApiRoute({
    summary: 'Public keys of the development issuer',
    tags: ['auth'],
    responses: { 200: jwksResponseSchema },
    errors: [404],
  })
  jwks(): Promise<JsonWebKeySet> {
    return this.issuer.jwks();
  }
}
