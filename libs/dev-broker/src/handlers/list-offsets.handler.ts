import { type BrokerContext, type RequestContext } from '../broker-context';
import { ErrorCode } from '../protocol/errors';
import { type Reader } from '../protocol/reader';
import { Writer } from '../protocol/writer';

const LATEST = -1;
const EARLIEST = -2;

/** ListOffsets v1..v3: latest (-1) → high watermark, earliest (-2) → log start, else by timestamp. */
export function handleListOffsets(broker: BrokerContext, ctx: RequestContext, r: Reader): Writer {
  const v = ctx.apiVersion;
  r.int32(); // replica_id
  if (v >= 2) r.int8(); // isolation_level
  const topics = r.array((t) => ({
    name: t.string(),
    partitions: t.array((p) => ({ index: p.int32(), timestamp: p.int64() })),
  }));
  const w = new Writer();
  if (v >= 2) w.int32(0);
  w.array(topics, (out, t) => {
    out.string(t.name);
    out.array(t.partitions, (o, p) => {
      const log = broker.topics.partition(t.name, p.index);
      if (log === undefined) {
        o.int32(p.index).int16(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION).int64(-1).int64(-1);
      } else if (p.timestamp === LATEST) {
        o.int32(p.index).int16(ErrorCode.NONE).int64(-1).int64(log.highWatermark);
      } else if (p.timestamp === EARLIEST) {
        o.int32(p.index).int16(ErrorCode.NONE).int64(-1).int64(log.logStartOffset);
      } else {
        const found = log.offsetForTimestamp(p.timestamp);
        o.int32(p.index).int16(ErrorCode.NONE).int64(found.timestamp).int64(found.offset);
      }
    });
  });
  return w;
}
