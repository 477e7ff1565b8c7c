import { z } from 'zod';
import { uuid, uuidV7 } from '../schema/primitives';
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

/** Shape of the headers on the wire (values are UTF-8 strings). Lenient like envelopes: extra headers are fine. */
export const eventHeadersSchema = z.object({
  [HEADERS.traceparent]: z
    .string()
    .regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/)
    .optional()
    .describe('W3C trace context of the publishing span; absent when the relay had no active trace.'),
  [HEADERS.eventType]: z.string().min(1).describe('Envelope `type`.'),
  [HEADERS.schemaVersion]: z
    .string()
    .regex(/^[1-9][0-9]*$/)
    .describe('Envelope `version`, as a decimal string.'),
  [HEADERS.districtId]: uuid.optional().describe('Envelope `districtId`; omitted for city-level events.'),
  [HEADERS.correlationId]: z.string().min(1).max(128).describe('Envelope `correlationId`.'),
  [HEADERS.eventId]: uuidV7.describe('Envelope `id`.'),
});
