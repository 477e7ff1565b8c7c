import { type BrokerContext, type RequestContext } from '../broker-context';
import { ErrorCode } from '../protocol/errors';
import { type Reader } from '../protocol/reader';
import { isTransactional, readBatchHeader, splitAndValidate } from '../protocol/record-batch';
import { Writer } from '../protocol/writer';
import { partitionKey } from '../storage/fetch-waiters';

interface PartitionResult {
  index: number;
  error: number;
  baseOffset: number;
  logStartOffset: number;
}

/**
 * Produce v3..v7. Batches are validated (length, magic, CRC-32C, size), checked for idempotent
 * sequence, stamped with their base offset and appended byte-for-byte. Produce never auto-creates
 * topics (clients fetch metadata first). acks=0 gets no response at all; acks 1 and -1 are the
 * same on one node.
 */
export function handleProduce(broker: BrokerContext, ctx: RequestContext, r: Reader): Writer | null {
  const v = ctx.apiVersion;
  const transactionalId = r.nullableString();
  const acks = r.int16();
  r.int32(); // timeout_ms: appends are synchronous, nothing to wait for
  const topics = r.array((t) => ({
    name: t.string(),
    partitions: t.array((p) => ({ index: p.int32(), records: p.nullableBytes() })),
  }));

  const results: { name: string; partitions: PartitionResult[] }[] = [];
  for (const topic of topics) {
    const out: PartitionResult[] = [];
    for (const part of topic.partitions) {
      out.push(appendPartition(broker, ctx, acks, transactionalId, topic.name, part.index, part.records));
    }
    results.push({ name: topic.name, partitions: out });
  }
  broker.scheduler.afterRequest();

  if (acks === 0) return null;
  const w = new Writer(128);
  w.array(results, (out, t) => {
    out.string(t.name);
    out.array(t.partitions, (o, p) => {
      o.int32(p.index).int16(p.error).int64(p.baseOffset).int64(-1);
      if (v >= 5) o.int64(p.logStartOffset);
    });
  });
  w.int32(0);
  return w;
}

function appendPartition(
  broker: BrokerContext,
  ctx: RequestContext,
  acks: number,
  transactionalId: string | null,
  topic: string,
  partition: number,
  records: Buffer | null,
): PartitionResult {
  const fail = (error: number, reason: string): PartitionResult => {
    broker.logger.warn(
      `dev-broker: produce to ${topic}-${partition} from ${ctx.clientId} rejected (error ${error}): ${reason}`,
    );
    return { index: partition, error, baseOffset: -1, logStartOffset: -1 };
  };
  if (acks !== 0 && acks !== 1 && acks !== -1) return fail(ErrorCode.INVALID_REQUIRED_ACKS, `acks=${acks}`);
  if (transactionalId !== null)
    return fail(ErrorCode.INVALID_REQUEST, 'transactions are not supported by the dev broker');
  const log = broker.topics.partition(topic, partition);
  if (log === undefined) return fail(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'unknown topic or partition');
  if (records === null || records.length === 0) return fail(ErrorCode.INVALID_REQUEST, 'no records');
  const split = splitAndValidate(records, broker.maxBatchBytes);
  if (!split.ok) return fail(split.error, split.reason);
  if (split.batches.some((b) => isTransactional(readBatchHeader(b)))) {
    return fail(ErrorCode.INVALID_REQUEST, 'transactions are not supported by the dev broker');
  }
  const result = log.append(split.batches);
  if (!result.ok) return fail(result.error, result.reason);
  if (result.appendedBytes > 0) broker.waiters.appended(partitionKey(topic, partition), result.appendedBytes);
  return {
    index: partition,
    error: ErrorCode.NONE,
    baseOffset: result.baseOffset,
    logStartOffset: log.logStartOffset,
  };
}
