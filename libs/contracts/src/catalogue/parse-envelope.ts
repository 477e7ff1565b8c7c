import { type ZodError } from 'zod';
import { ContractValidationError, issuesFromZod } from '../envelope/contract-validation-error';
import { type EventDefinition } from '../envelope/event-definition';
import { type Envelope, type EnvelopeOf, envelopeSchema } from '../envelope/envelope';
import { eventByType, type KnownEnvelope } from './catalogue';

export type ParseResult<TEnvelope> =
  | { readonly ok: true; readonly envelope: TEnvelope; readonly definition: EventDefinition }
  | { readonly ok: false; readonly error: ContractValidationError };

/**
 * Validates an incoming message (already JSON-decoded) against the envelope and the schema of its
 * `type`/`version`. Lenient on purpose: unknown fields are dropped, not rejected, so consumers
 * keep working when producers add optional fields. Unknown types or versions are errors.
 */
export function parseEnvelope(input: unknown): ParseResult<KnownEnvelope> {
  const meta = envelopeSchema.safeParse(input);
  if (!meta.success) return failure('Invalid event envelope', meta.error);
  const definition = eventByType(meta.data.type, meta.data.version);
  if (!definition) {
    return {
      ok: false,
      error: new ContractValidationError('Unknown event', [
        { path: 'type', message: `No contract for ${meta.data.type} v${meta.data.version}` },
      ]),
    };
  }
  return parseWith(definition, meta.data) as ParseResult<KnownEnvelope>;
}

/** Like `parseEnvelope`, but only accepts the given event definition. */
export function parseEventEnvelope<TDef extends EventDefinition>(
  definition: TDef,
  input: unknown,
): ParseResult<EnvelopeOf<TDef>> {
  const meta = envelopeSchema.safeParse(input);
  if (!meta.success) return failure('Invalid event envelope', meta.error);
  if (meta.data.type !== definition.type || meta.data.version !== definition.version) {
    return {
      ok: false,
      error: new ContractValidationError('Unexpected event', [
        {
          path: 'type',
          message: `Expected ${definition.type} v${definition.version}, got ${meta.data.type} v${meta.data.version}`,
        },
      ]),
    };
  }
  return parseWith(definition, meta.data) as ParseResult<EnvelopeOf<TDef>>;
}

function parseWith(definition: EventDefinition, meta: Envelope<unknown>): ParseResult<Envelope<unknown>> {
  const data = definition.schema.safeParse(meta.data);
  if (!data.success)
    return failure(`Invalid data for ${definition.type} v${definition.version}`, data.error, ['data']);
  return { ok: true, envelope: { ...meta, data: data.data }, definition };
}

function failure(
  message: string,
  error: ZodError,
  prefix: PropertyKey[] = [],
): { ok: false; error: ContractValidationError } {
  return { ok: false, error: new ContractValidationError(message, issuesFromZod(error, prefix)) };
}
