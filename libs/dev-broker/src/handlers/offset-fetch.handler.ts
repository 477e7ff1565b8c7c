import { type BrokerContext, type RequestContext } from '../broker-context';
import { ErrorCode } from '../protocol/errors';
import { type Reader } from '../protocol/reader';
import { Writer } from '../protocol/writer';

/** OffsetFetch v1..v4; v2+ null topics = every committed partition of the group. Never committed → -1. */
export function handleOffsetFetch(broker: BrokerContext, ctx: RequestContext, r: Reader): Writer {
  const v = ctx.apiVersion;
  const groupId = r.string();
  const readTopic = (t: Reader) => ({ name: t.string(), partitions: t.array((p) => p.int32()) });
  const requested = v >= 2 ? r.nullableArray(readTopic) : r.array(readTopic);
  let topics: { name: string; partitions: { index: number; offset: number; metadata: string }[] }[];
  if (requested === null) {
    const byTopic = new Map<string, { index: number; offset: number; metadata: string }[]>();
    for (const e of broker.offsets.list(groupId)) {
      const list = byTopic.get(e.topic) ?? [];
      list.push({ index: e.partition, offset: e.value.offset, metadata: e.value.metadata });
      byTopic.set(e.topic, list);
    }
    topics = [...byTopic].map(([name, partitions]) => ({ name, partitions }));
  } else {
    topics = requested.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((index) => {
        const committed = broker.offsets.get(groupId, t.name, index);
        return { index, offset: committed?.offset ?? -1, metadata: committed?.metadata ?? '' };
      }),
    }));
  }
  const w = new Writer();
  if (v >= 3) w.int32(0);
  w.array(topics, (out, t) => {
    out.string(t.name);
    out.array(t.partitions, (o, p) =>
      o.int32(p.index).int64(p.offset).nullableString(p.metadata).int16(ErrorCode.NONE),
    );
  });
  if (v >= 2) w.int16(ErrorCode.NONE);
  return w;
}
