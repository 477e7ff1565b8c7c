import { type BrokerContext, type RequestContext } from '../broker-context';
import { ErrorCode } from '../protocol/errors';
import { type Reader } from '../protocol/reader';
import { Writer } from '../protocol/writer';

/** FindCoordinator v0..v2: one node, so the coordinator is always this broker. */
export function handleFindCoordinator(broker: BrokerContext, ctx: RequestContext, r: Reader): Writer {
  const v = ctx.apiVersion;
  r.string(); // key (group id)
  if (v >= 1) r.int8(); // key_type
  const w = new Writer();
  if (v >= 1) w.int32(0);
  w.int16(ErrorCode.NONE);
  if (v >= 1) w.nullableString(null);
  w.int32(broker.nodeId).string(broker.advertisedHost).int32(broker.advertisedPort);
  return w;
}
