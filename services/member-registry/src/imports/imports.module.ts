import { Module } from '@nestjs/common';
import { ImportsController } from './api/imports.controller';
import { ImportRosterHandler } from './application/commands/import-roster/import-roster.handler';

@Module({ controllers: [ImportsController], providers: [ImportRosterHandler] })
export class ImportsModule {}
