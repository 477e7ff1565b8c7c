import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { CurrentActor, type Actor } from '@lianxin/auth';
import { ApiRoute, ZodQuery } from '@lianxin/platform-http';
import { z } from 'zod';
import {
  importQuery,
  ImportRosterHandler,
  type ImportQuery,
} from '../application/commands/import-roster/import-roster.handler';
import type { ImportReport } from '../domain/import-rejected.error';

const reportSchema = z.object({
  importId: z.uuid().nullable(),
  kind: z.enum(['members', 'households']),
  encoding: z.enum(['utf-8', 'gb18030']),
  mode: z.enum(['all-or-nothing', 'valid-rows']),
  rowsTotal: z.number().int(),
  rowsImported: z.number().int(),
  rowsRejected: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), reason: z.string() })),
  errorsTruncated: z.boolean(),
});
const tags = ['imports'];
const description =
  'Body: the CSV file itself (Content-Type text/csv), UTF-8 or GB18030/GBK; streamed, never buffered whole.';

@Controller('api/v1/imports')
export class ImportsController {
  constructor(private readonly importer: ImportRosterHandler) {}

  @Post('members')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Bulk-import members from CSV',
    description,
    action: 'registry.member.import',
    tags,
    responses: { 200: reportSchema },
    errors: [404, 422],
  })
  importMembers(
    @ZodQuery(importQuery) query: ImportQuery,
    @Req() req: Request,
    @CurrentActor() actor: Actor,
  ): Promise<ImportReport> {
    return this.importer.execute('members', query, req, actor);
  }

  @Post('households')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Bulk-import households from CSV',
    description,
    action: 'registry.member.import',
    tags,
    responses: { 200: reportSchema },
    errors: [404, 422],
  })
  importHouseholds(
    @ZodQuery(importQuery) query: ImportQuery,
    @Req() req: Request,
    @CurrentActor() actor: Actor,
  ): Promise<ImportReport> {
    return this.importer.execute('households', query, req, actor);
  }
}
