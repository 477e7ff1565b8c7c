import { type BrokerContext, type RequestContext } from '../broker-context';
import { ApiKey, SUPPORTED_APIS } from '../protocol/api-keys';
import { ErrorCode } from '../protocol/errors';
import { type Reader } from '../protocol/reader';
import { Writer } from '../protocol/writer';

/**
 * ApiVersions v0..v3. v3 is the one flexible message the broker speaks: compact body and tag
 * buffers, but — per KIP-511 — still a v0 response header (written by the connection).
 */
export function handleApiVersions(_broker: BrokerContext, ctx: RequestContext, r: Reader): Writer {
  const v = ctx.apiVersion;
  if (v >= 3) {
    r.compactString(); // client_software_name
    r.compactString(); // client_software_version
    r.skipTagBuffer();
  }
  const w = new Writer();
  w.int16(ErrorCode.NONE);
  const entries = [...SUPPORTED_APIS];
  if (v >= 3) {
    w.unsignedVarint(entries.length + 1);
    for (const [key, range] of entries) w.int16(key).int16(range.min).int16(range.max).emptyTagBuffer();
    w.int32(0).emptyTagBuffer();
  } else {
    w.array(entries, (out, [key, range]) => out.int16(key).int16(range.min).int16(range.max));
    if (v >= 1) w.int32(0);
  }
  return w;
}

/** Answer to an ApiVersions version newer than ours: a v0 body naming the range we do support. */
export function unsupportedApiVersionsBody(): Writer {
  const range = SUPPORTED_APIS.get(ApiKey.ApiVersions) ?? { min: 0, max: 3 };
  return new Writer()
    .int16(ErrorCode.UNSUPPORTED_VERSION)
    .array([range], (w, x) => w.int16(ApiKey.ApiVersions).int16(x.min).int16(x.max));
}
