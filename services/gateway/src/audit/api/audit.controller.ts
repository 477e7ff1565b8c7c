import { Controller, Get, Inject } from '@nestjs/common';
import { ApiRoute, ZodQuery } from '@lianxin/platform-http';
import { CurrentActor, type Actor } from '@lianxin/auth';
import { ListAuditEntriesHandler } from '../application/queries/list-audit-entries/list-audit-entries.handler';
import {
  auditEntryPageSchema,
  listAuditEntriesQuerySchema,
  type AuditEntryPage,
  type ListAuditEntriesQuery,
} from '../application/queries/list-audit-entries/list-audit-entries.query';

@Controller('api/v1/audit')
export class AuditController {
  constructor(@Inject(ListAuditEntriesHandler) private readonly listEntries: ListAuditEntriesHandler) {}

  @Get()
  @ApiRoute({
    summary: 'Audit trail of writes through the gateway, newest first (within your scope)',
    tags: ['audit'],
    action: 'gateway.audit.read',
    query: listAuditEntriesQuerySchema,
    responses: { 200: auditEntryPageSchema },
    errors: [400, 403, 429],
  })
  list(
    @ZodQuery(listAuditEntriesQuerySchema) query: ListAuditEntriesQuery,
    @CurrentActor() actor: Actor,
  ): Promise<AuditEntryPage> {
    return this.listEntries.execute(actor.scope, query);
  }
}
