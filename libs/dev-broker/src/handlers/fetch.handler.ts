import { type BrokerContext, type RequestContext } from '../broker-context';
import { ErrorCode } from '../protocol/errors';
import { type Reader } from '../protocol/reader';
import { Writer } from '../protocol/writer';
import { partitionKey } from '../storage/fetch-waiters';

interface FetchPartition {
  partition: number;
  fetchOffset: number;
  maxBytes: number;
}

interface PartitionData {
  partition: number;
  error: number;
  highWatermark: number;
  logStartOffset: number;
  records: Buffer;
}

const EMPTY = Buffer.alloc(0);

/**
 * Fetch v4..v11 without fetch sessions (session id 0, full responses). Returns whole batches from
 * the one containing the fetch offset; the first batch of the response is always whole even when
 * larger than the limits (KIP-74). When less than min_bytes is available the request is parked
 * until appends bring enough bytes or max_wait elapses.
 */
export async function handleFetch(broker: BrokerContext, ctx: RequestContext, r: Reader): Promise<Writer> {
  const v = ctx.apiVersion;
  r.int32(); // replica_id
  const maxWaitMs = r.int32();
  const minBytes = r.int32();
  const maxBytes = r.int32();
  r.int8(); // isolation_level: without transactions LSO = HW, so both levels read the same
  if (v >= 7) {
    r.int32(); // session_id
    r.int32(); // session_epoch
  }
  const topics = r.array((t) => ({
    topic: t.string(),
    partitions: t.array((p): FetchPartition => {
      const partition = p.int32();
      if (v >= 9) p.int32(); // current_leader_epoch
      const fetchOffset = p.int64();
      if (v >= 5) p.int64(); // log_start_offset (follower only)
      return { partition, fetchOffset, maxBytes: p.int32() };
    }),
  }));
  if (v >= 7) r.array((t) => ({ topic: t.string(), partitions: t.array((p) => p.int32()) }));
  if (v >= 11) r.string(); // rack_id

  let result = collect(broker, topics, maxBytes);
  if (result.bytes < minBytes && maxWaitMs > 0 && !result.hasError) {
    const keys = topics.flatMap((t) => t.partitions.map((p) => partitionKey(t.topic, p.partition)));
    await broker.waiters.wait(
      keys,
      minBytes - result.bytes,
      Math.min(maxWaitMs, broker.maxFetchWaitMs),
      ctx.signal,
    );
    result = collect(broker, topics, maxBytes);
  }

  const w = new Writer(256);
  w.int32(0);
  if (v >= 7) w.int16(ErrorCode.NONE).int32(0);
  w.array(result.topics, (out, t) => {
    out.string(t.topic);
    out.array(t.partitions, (o, p) => {
      o.int32(p.partition).int16(p.error).int64(p.highWatermark);
      o.int64(p.highWatermark); // last_stable_offset = HW: no transactions
      if (v >= 5) o.int64(p.logStartOffset);
      o.int32(0); // aborted_transactions: empty
      if (v >= 11) o.int32(-1); // preferred_read_replica
      o.bytesRef(p.records); // empty is length 0, never -1 (librdkafka 2.0.2 rejects -1)
    });
  });
  return w;
}

function collect(
  broker: BrokerContext,
  topics: readonly { topic: string; partitions: readonly FetchPartition[] }[],
  maxBytes: number,
): { topics: { topic: string; partitions: PartitionData[] }[]; bytes: number; hasError: boolean } {
  let bytes = 0;
  let hasError = false;
  const out = topics.map((t) => ({
    topic: t.topic,
    partitions: t.partitions.map((p): PartitionData => {
      const log = broker.topics.partition(t.topic, p.partition);
      if (log === undefined) {
        hasError = true;
        return {
          partition: p.partition,
          error: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
          highWatermark: -1,
          logStartOffset: -1,
          records: EMPTY,
        };
      }
      const base = {
        partition: p.partition,
        highWatermark: log.highWatermark,
        logStartOffset: log.logStartOffset,
      };
      if (p.fetchOffset > log.logEndOffset || p.fetchOffset < log.logStartOffset) {
        hasError = true;
        return { ...base, error: ErrorCode.OFFSET_OUT_OF_RANGE, records: EMPTY };
      }
      const budget = Math.min(p.maxBytes, maxBytes - bytes);
      const records = log.read(p.fetchOffset, budget, bytes === 0);
      bytes += records.length;
      return { ...base, error: ErrorCode.NONE, records };
    }),
  }));
  return { topics: out, bytes, hasError };
}
