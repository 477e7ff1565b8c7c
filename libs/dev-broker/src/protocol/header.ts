import { ApiKey } from './api-keys';
import { type Reader } from './reader';

/**
 * Request header v1 (v2 for flexible requests, which here means ApiVersions v3+ only). The
 * client_id stays an INT16-length string even in v2 (spec §2.2).
 */
export interface RequestHeader {
  readonly apiKey: number;
  readonly apiVersion: number;
  readonly correlationId: number;
  readonly clientId: string | null;
}

export function readRequestHeader(r: Reader): RequestHeader {
  const apiKey = r.int16();
  const apiVersion = r.int16();
  const correlationId = r.int32();
  const clientId = r.nullableString();
  return { apiKey, apiVersion, correlationId, clientId };
}

/** Flexible requests carry a tag buffer after the header; only ApiVersions v3 is flexible here. */
export function isFlexibleRequest(apiKey: number, version: number): boolean {
  return apiKey === ApiKey.ApiVersions && version >= 3;
}
