import { type Envelope } from './envelope';

/** Kafka header names every Lianxin message carries. */
export const HEADERS = {
  traceparent: 'traceparent',
  eventType: 'event-type',
  schemaVersion: 'schema-version',
  /** Omitted for city-level events (`districtId: null`) rather than sent as a fake value. */
  districtId: 'district-id',
  correlationId: 'correlation-id',
  eventId: 'event-id',
} as const;

export type HeaderName = (typeof HEADERS)[keyof typeof HEADERS];

/**
 * Headers derived from the envelope (everything except `traceparent`, which the messaging layer
 * injects from the active span). Headers duplicate envelope fields so brokers, DLQ tooling and
 * consumers can route or filter without parsing the body.
 */
export function envelopeHeaders(envelope: Envelope<unknown>): Record<string, string> {
  const headers: Record<string, string> = {
    [HEADERS.eventType]: envelope.type,
    [HEADERS.schemaVersion]: String(envelope.version),
    [HEADERS.correlationId]: envelope.correlationId,
    [HEADERS.eventId]: envelope.id,
  };
  if (envelope.districtId !== null) headers[HEADERS.districtId] = envelope.districtId;
  return headers;
}

/** Message key: the aggregate id, so all events of one aggregate land on one partition in order. */
export function messageKey(envelope: Envelope<unknown>): string {
  return envelope.aggregateId;
}
