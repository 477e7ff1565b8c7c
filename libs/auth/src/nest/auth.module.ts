import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { createTokenVerifier, type TokenVerifier, type TokenVerifierOptions } from '../tokens/token-verifier';
import { ActionCheck } from './action-check';
import { AuthGuard, TOKEN_VERIFIER } from './auth.guard';

export interface AuthModuleOptions {
  /** Verifier settings from the service's config (`AUTH_*`), or a ready verifier (tests, gateway). */
  readonly verifier: TokenVerifierOptions | TokenVerifier;
}

/** Import once in the service's AppModule: installs the global `AuthGuard`. */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    const verifier = 'verify' in options.verifier ? options.verifier : createTokenVerifier(options.verifier);
    return {
      module: AuthModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: TOKEN_VERIFIER, useValue: verifier },
        { provide: APP_GUARD, useClass: AuthGuard },
        ActionCheck,
      ],
      exports: [TOKEN_VERIFIER],
    };
  }
}
