import { type BrokerContext, type RequestContext } from '../broker-context';
import { type Reader } from '../protocol/reader';
import { Writer } from '../protocol/writer';

/** Heartbeat v0..v3: REBALANCE_IN_PROGRESS is how members learn they must rejoin. */
export function handleHeartbeat(broker: BrokerContext, ctx: RequestContext, r: Reader): Writer {
  const v = ctx.apiVersion;
  const groupId = r.string();
  const generationId = r.int32();
  const memberId = r.string();
  if (v >= 3) r.nullableString();
  const error = broker.groups.heartbeat(groupId, generationId, memberId);
  const w = new Writer(8);
  if (v >= 1) w.int32(0);
  return w.int16(error);
}
