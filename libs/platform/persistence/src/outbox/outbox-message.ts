import {
  ContractValidationError,
  type Envelope,
  envelopeHeaders,
  messageKey,
  parseEventEnvelope,
  topicByName,
  type TopicDefinition,
  unknownKeys,
} from '@lianxin/contracts';
import { injectTraceContext } from '@lianxin/platform-messaging';

/** One row to insert into `outbox`: what the relay will send, verbatim. */
export interface OutboxMessage {
  readonly id: string;
  readonly topic: string;
  readonly key: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: Envelope<unknown>;
}

/**
 * Validates an envelope against its topic's contract and turns it into an outbox row. Producers
 * are held to the exact schema (unknown `data` fields are errors, as in buildEnvelope): an invalid
 * event must fail the state change's transaction, not reach consumers.
 *
 * `topic` is a catalogue name or a TopicDefinition (tests and new topics pass their own).
 * Headers carry the trace context active now, so the relay's publish continues this request's trace.
 */
export function toOutboxMessage(topic: TopicDefinition | string, envelope: Envelope<unknown>): OutboxMessage {
  const definition = typeof topic === 'string' ? topicByName(topic) : topic;
  if (!definition) {
    throw new ContractValidationError('Unknown topic', [
      { path: '', message: `No topic ${String(topic)} in the catalogue` },
    ]);
  }
  const event = definition.events.find(
    (candidate) => candidate.type === envelope.type && candidate.version === envelope.version,
  );
  if (!event) {
    throw new ContractValidationError('Event not on topic', [
      {
        path: 'type',
        message: `${envelope.type} v${envelope.version} is not published on ${definition.name}`,
      },
    ]);
  }
  const parsed = parseEventEnvelope(event, envelope);
  if (!parsed.ok) throw parsed.error;
  const extra = unknownKeys(envelope.data, parsed.envelope.data, 'data');
  if (extra.length > 0)
    throw new ContractValidationError(`Cannot publish ${envelope.type} v${envelope.version}`, extra);
  const headers = injectTraceContext(envelopeHeaders(parsed.envelope));
  return {
    id: parsed.envelope.id,
    topic: definition.name,
    key: messageKey(parsed.envelope),
    headers,
    payload: parsed.envelope,
  };
}
