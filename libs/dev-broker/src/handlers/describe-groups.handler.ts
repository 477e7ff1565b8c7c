import { type BrokerContext, type RequestContext } from '../broker-context';
import { ErrorCode } from '../protocol/errors';
import { type Reader } from '../protocol/reader';
import { Writer } from '../protocol/writer';

/** DescribeGroups v0..v2: unknown groups are reported as `Dead` with error 0, like Kafka. */
export function handleDescribeGroups(broker: BrokerContext, ctx: RequestContext, r: Reader): Writer {
  const v = ctx.apiVersion;
  const groups = r
    .array((x) => x.string())
    .map((id) => {
      const d = broker.groups.describe(id);
      // A group known only by its committed offsets is Empty, not Dead.
      return d.state === 'Dead' && broker.offsets.list(id).length > 0 ? { ...d, state: 'Empty' as const } : d;
    });
  const w = new Writer();
  if (v >= 1) w.int32(0);
  w.array(groups, (out, g) => {
    out.int16(ErrorCode.NONE).string(g.groupId).string(g.state).string(g.protocolType).string(g.protocolName);
    out.array(g.members, (o, m) =>
      o.string(m.memberId).string(m.clientId).string(m.clientHost).bytes(m.metadata).bytes(m.assignment),
    );
  });
  return w;
}
