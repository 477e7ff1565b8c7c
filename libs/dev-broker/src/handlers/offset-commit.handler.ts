import { type BrokerContext, type RequestContext } from '../broker-context';
import { ErrorCode } from '../protocol/errors';
import { type Reader } from '../protocol/reader';
import { Writer } from '../protocol/writer';

/** OffsetCommit v2..v5: membership-checked, persisted before the answer. */
export function handleOffsetCommit(broker: BrokerContext, ctx: RequestContext, r: Reader): Writer {
  const v = ctx.apiVersion;
  const groupId = r.string();
  const generationId = r.int32();
  const memberId = r.string();
  if (v <= 4) r.int64(); // retention_time_ms: committed offsets are kept until the group is deleted
  const topics = r.array((t) => ({
    name: t.string(),
    partitions: t.array((p) => ({ index: p.int32(), offset: p.int64(), metadata: p.nullableString() })),
  }));
  const groupError =
    groupId === ''
      ? ErrorCode.INVALID_GROUP_ID
      : broker.groups.validateCommit(groupId, generationId, memberId);
  const toStore: { topic: string; partition: number; offset: number; metadata: string }[] = [];
  const results = topics.map((t) => ({
    name: t.name,
    partitions: t.partitions.map((p) => {
      let error: number = groupError;
      if (error === ErrorCode.NONE && broker.topics.partition(t.name, p.index) === undefined)
        error = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
      if (error === ErrorCode.NONE)
        toStore.push({ topic: t.name, partition: p.index, offset: p.offset, metadata: p.metadata ?? '' });
      return { index: p.index, error };
    }),
  }));
  broker.offsets.commit(groupId, toStore);
  broker.scheduler.afterRequest();
  const w = new Writer();
  if (v >= 3) w.int32(0);
  w.array(results, (out, t) => {
    out.string(t.name);
    out.array(t.partitions, (o, p) => o.int32(p.index).int16(p.error));
  });
  return w;
}
