import {
  ContractValidationError,
  type Envelope,
  parseEventEnvelope,
  type TopicDefinition,
} from '@lianxin/contracts';

export type DecodeResult =
  { readonly ok: true; readonly envelope: Envelope<unknown> } | { readonly ok: false; readonly error: Error };

/**
 * Bytes → validated envelope, against the events the topic's contract lists. Anything that fails
 * here will fail the same way on every retry, so the runner dead-letters it at once.
 */
export function decodeMessage(topic: TopicDefinition, value: Buffer | null): DecodeResult {
  if (value === null || value.length === 0) return { ok: false, error: new Error('Empty message value') };
  let json: unknown;
  try {
    json = JSON.parse(value.toString('utf8'));
  } catch (error) {
    return {
      ok: false,
      error: new Error(`Message is not JSON: ${error instanceof Error ? error.message : String(error)}`),
    };
  }
  const meta =
    typeof json === 'object' && json !== null ? (json as { type?: unknown; version?: unknown }) : {};
  const definition = topic.events.find((event) => event.type === meta.type && event.version === meta.version);
  if (!definition) {
    return {
      ok: false,
      error: new ContractValidationError('Unknown event', [
        {
          path: 'type',
          message: `No contract for ${String(meta.type)} v${String(meta.version)} on ${topic.name}`,
        },
      ]),
    };
  }
  const parsed = parseEventEnvelope(definition, json);
  return parsed.ok ? { ok: true, envelope: parsed.envelope } : { ok: false, error: parsed.error };
}
