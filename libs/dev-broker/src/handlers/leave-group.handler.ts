import { type BrokerContext, type RequestContext } from '../broker-context';
import { ErrorCode } from '../protocol/errors';
import { type Reader } from '../protocol/reader';
import { Writer } from '../protocol/writer';

/** LeaveGroup v0..v2 (one member id) and v3 (a members array, what kafkajs sends). */
export function handleLeaveGroup(broker: BrokerContext, ctx: RequestContext, r: Reader): Writer {
  const v = ctx.apiVersion;
  const groupId = r.string();
  const w = new Writer();
  if (v >= 1) w.int32(0);
  if (v < 3) {
    return w.int16(broker.groups.leave(groupId, r.string()));
  }
  const members = r.array((m) => ({ memberId: m.string(), groupInstanceId: m.nullableString() }));
  const results = members.map((m) => ({ ...m, error: broker.groups.leave(groupId, m.memberId) }));
  w.int16(ErrorCode.NONE);
  w.array(results, (out, m) => out.string(m.memberId).nullableString(m.groupInstanceId).int16(m.error));
  return w;
}
