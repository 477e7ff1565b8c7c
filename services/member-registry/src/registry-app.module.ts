import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { AuthModule, type TokenVerifier, type TokenVerifierOptions } from '@lianxin/auth';
import type { DataSource } from 'typeorm';
import { HouseholdsModule } from './households/households.module';
import { ImportsModule } from './imports/imports.module';
import { MemberCardsModule } from './member-cards/member-cards.module';
import { MembersModule } from './members/members.module';
import { OrgUnitsModule } from './org-units/org-units.module';
import { PartyGroupsModule } from './party-groups/party-groups.module';
import { PostsModule } from './posts/posts.module';
import {
  PII_CIPHER,
  REGISTRY_DATA_SOURCE,
  REGISTRY_SETTINGS,
  type RegistrySettings,
} from './shared/application/registry-tokens';
import type { PiiCipher } from './shared/infrastructure/pii-cipher';
import { StatisticsModule } from './statistics/statistics.module';

export interface RegistryAppDeps {
  readonly dataSource: DataSource;
  readonly cipher: PiiCipher;
  readonly settings: RegistrySettings;
  readonly verifier: TokenVerifierOptions | TokenVerifier;
}

@Module({})
class RegistrySharedModule {
  static forRoot(deps: RegistryAppDeps): DynamicModule {
    const providers: Provider[] = [
      { provide: REGISTRY_DATA_SOURCE, useValue: deps.dataSource },
      { provide: PII_CIPHER, useValue: deps.cipher },
      { provide: REGISTRY_SETTINGS, useValue: deps.settings },
    ];
    return { module: RegistrySharedModule, global: true, providers, exports: providers };
  }
}

/** The registry's HTTP surface; main.ts and the tests build it with their own dependencies. */
@Module({})
export class RegistryAppModule {
  static forRoot(deps: RegistryAppDeps): DynamicModule {
    return {
      module: RegistryAppModule,
      imports: [
        RegistrySharedModule.forRoot(deps),
        AuthModule.forRoot({ verifier: deps.verifier }),
        OrgUnitsModule,
        MembersModule,
        HouseholdsModule,
        PartyGroupsModule,
        PostsModule,
        MemberCardsModule,
        StatisticsModule,
        ImportsModule,
      ],
    };
  }
}
