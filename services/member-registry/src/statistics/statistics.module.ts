import { Module } from '@nestjs/common';
import { StatisticsController } from './api/statistics.controller';
import { GetCompositionHandler } from './application/queries/get-composition/get-composition.handler';

@Module({ controllers: [StatisticsController], providers: [GetCompositionHandler] })
export class StatisticsModule {}
