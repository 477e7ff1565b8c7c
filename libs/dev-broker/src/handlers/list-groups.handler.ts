import { type BrokerContext, type RequestContext } from '../broker-context';
import { ErrorCode } from '../protocol/errors';
import { type Reader } from '../protocol/reader';
import { Writer } from '../protocol/writer';

/** ListGroups v0..v2: live groups plus groups that only have committed offsets. */
export function handleListGroups(broker: BrokerContext, ctx: RequestContext, _r: Reader): Writer {
  const groups = new Map<string, string>();
  for (const id of broker.offsets.groupIds()) groups.set(id, 'consumer');
  for (const g of broker.groups.list()) groups.set(g.groupId, g.protocolType);
  const w = new Writer();
  if (ctx.apiVersion >= 1) w.int32(0);
  w.int16(ErrorCode.NONE);
  w.array([...groups], (out, [id, type]) => out.string(id).string(type));
  return w;
}
