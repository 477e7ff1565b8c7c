import { type BrokerContext, type RequestContext } from '../broker-context';
import { ErrorCode } from '../protocol/errors';
import { type Reader } from '../protocol/reader';
import { Writer } from '../protocol/writer';
import { isValidTopicName } from '../storage/topic-manager';

interface TopicResult {
  error: number;
  name: string;
  partitions: number;
}

/**
 * Metadata v0..v6. v0: an empty list means all topics; v1+: null means all, empty means none
 * (librdkafka asks for "brokers only" that way). Missing topics are auto-created when allowed
 * and returned at once with error 0 (simpler than Kafka's LEADER_NOT_AVAILABLE first answer, and
 * every client in scope accepts it).
 */
export function handleMetadata(broker: BrokerContext, ctx: RequestContext, r: Reader): Writer {
  const v = ctx.apiVersion;
  let requested: string[] | null;
  if (v === 0) {
    const names = r.array((x) => x.string());
    requested = names.length === 0 ? null : names;
  } else {
    requested = r.nullableArray((x) => x.string());
  }
  const allowAutoCreate = v >= 4 ? r.bool() : true;

  const results: TopicResult[] = [];
  if (requested === null) {
    for (const t of broker.topics.list())
      results.push({ error: ErrorCode.NONE, name: t.name, partitions: t.partitions });
  } else {
    for (const name of new Set(requested)) {
      let topic = broker.topics.get(name);
      if (topic === undefined && !isValidTopicName(name)) {
        results.push({ error: ErrorCode.INVALID_TOPIC_EXCEPTION, name, partitions: 0 });
        continue;
      }
      if (topic === undefined && broker.autoCreateTopics && allowAutoCreate) {
        broker.topics.create(name, broker.defaultPartitions, {});
        topic = broker.topics.get(name);
      }
      results.push(
        topic === undefined
          ? { error: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, name, partitions: 0 }
          : { error: ErrorCode.NONE, name, partitions: topic.partitions },
      );
    }
  }

  const w = new Writer(512);
  if (v >= 3) w.int32(0);
  w.int32(1).int32(broker.nodeId).string(broker.advertisedHost).int32(broker.advertisedPort);
  if (v >= 1) w.nullableString(null);
  if (v >= 2) w.nullableString(broker.meta.clusterId);
  if (v >= 1) w.int32(broker.nodeId);
  w.array(results, (out, t) => {
    out.int16(t.error).string(t.name);
    if (v >= 1) out.bool(false);
    out.int32(t.partitions);
    for (let p = 0; p < t.partitions; p++) {
      out.int16(ErrorCode.NONE).int32(p).int32(broker.nodeId);
      out.int32(1).int32(broker.nodeId); // replicas
      out.int32(1).int32(broker.nodeId); // isr
      if (v >= 5) out.int32(0); // offline replicas
    }
  });
  return w;
}
