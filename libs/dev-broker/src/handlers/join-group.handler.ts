import { type BrokerContext, type RequestContext } from '../broker-context';
import { type Reader } from '../protocol/reader';
import { Writer } from '../protocol/writer';

/** JoinGroup v0..v5: parked until the join phase completes (see GroupCoordinator). */
export async function handleJoinGroup(
  broker: BrokerContext,
  ctx: RequestContext,
  r: Reader,
): Promise<Writer> {
  const v = ctx.apiVersion;
  const groupId = r.string();
  const sessionTimeoutMs = r.int32();
  const rebalanceTimeoutMs = v >= 1 ? r.int32() : sessionTimeoutMs;
  const memberId = r.string();
  const groupInstanceId = v >= 5 ? r.nullableString() : null;
  const protocolType = r.string();
  const protocols = r.array((p) => ({ name: p.string(), metadata: p.bytes() }));
  const result = await broker.groups.join({
    groupId,
    sessionTimeoutMs,
    rebalanceTimeoutMs,
    memberId,
    groupInstanceId,
    protocolType,
    protocols,
    clientId: ctx.clientId,
    clientHost: ctx.clientHost,
    requireKnownMemberId: v >= 4,
  });
  const w = new Writer();
  if (v >= 2) w.int32(0);
  w.int16(result.error)
    .int32(result.generationId)
    .string(result.protocolName)
    .string(result.leaderId)
    .string(result.memberId);
  w.array(result.members, (out, m) => {
    out.string(m.memberId);
    if (v >= 5) out.nullableString(m.groupInstanceId);
    out.bytes(m.metadata);
  });
  return w;
}
