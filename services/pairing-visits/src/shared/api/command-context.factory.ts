import { type Actor } from '@lianxin/auth';
import { getCorrelationId } from '@lianxin/platform-telemetry';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { Clock } from '../application/clock';
import { type CommandContext } from '../application/command-context';

/** Turns the verified actor and the request's correlation id into the context handlers take. */
@Injectable()
export class CommandContextFactory {
  constructor(private readonly clock: Clock) {}

  of(actor: Actor): CommandContext {
    return { actor, correlationId: getCorrelationId() ?? uuidv7(), now: this.clock.now() };
  }
}
