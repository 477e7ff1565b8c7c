import { type BrokerContext, type RequestContext } from '../broker-context';
import { type Reader } from '../protocol/reader';
import { Writer } from '../protocol/writer';

/** SyncGroup v0..v3: followers park until the leader sends the assignments. */
export async function handleSyncGroup(
  broker: BrokerContext,
  ctx: RequestContext,
  r: Reader,
): Promise<Writer> {
  const v = ctx.apiVersion;
  const groupId = r.string();
  const generationId = r.int32();
  const memberId = r.string();
  if (v >= 3) r.nullableString(); // group_instance_id (static membership is not supported)
  const assignments = r.array((a) => ({ memberId: a.string(), assignment: a.bytes() }));
  const result = await broker.groups.sync({ groupId, generationId, memberId, assignments });
  const w = new Writer();
  if (v >= 1) w.int32(0);
  return w.int16(result.error).bytes(result.assignment);
}
