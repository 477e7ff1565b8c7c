import { type BrokerContext, type RequestContext } from '../broker-context';
import { ErrorCode } from '../protocol/errors';
import { type Reader } from '../protocol/reader';
import { Writer } from '../protocol/writer';

/**
 * CreateTopics v0..v4. -1 partitions / replication factor mean "broker default" on every version
 * (kafkajs sends -1). Only replication factor 1 exists on one node.
 */
export function handleCreateTopics(broker: BrokerContext, ctx: RequestContext, r: Reader): Writer {
  const v = ctx.apiVersion;
  const topics = r.array((t) => ({
    name: t.string(),
    numPartitions: t.int32(),
    replicationFactor: t.int16(),
    assignments: t.array((a) => ({ partition: a.int32(), brokers: a.array((b) => b.int32()) })),
    configs: t.array((c) => ({ name: c.string(), value: c.nullableString() })),
  }));
  r.int32(); // timeout_ms
  const validateOnly = v >= 1 ? r.bool() : false;
  const results = topics.map((t) => {
    if (t.replicationFactor !== -1 && t.replicationFactor !== 1 && t.assignments.length === 0) {
      return {
        name: t.name,
        error: ErrorCode.INVALID_REPLICATION_FACTOR,
        message: `replication factor ${t.replicationFactor} > 1 broker`,
      };
    }
    const partitions =
      t.numPartitions === -1
        ? t.assignments.length > 0
          ? t.assignments.length
          : broker.defaultPartitions
        : t.numPartitions;
    const configs: Record<string, string> = {};
    for (const c of t.configs) if (c.value !== null) configs[c.name] = c.value;
    const res = broker.topics.create(t.name, partitions, configs, validateOnly);
    return { name: t.name, error: res.error, message: res.message };
  });
  const w = new Writer();
  if (v >= 2) w.int32(0);
  w.array(results, (out, x) => {
    out.string(x.name).int16(x.error);
    if (v >= 1) out.nullableString(x.message);
  });
  return w;
}
