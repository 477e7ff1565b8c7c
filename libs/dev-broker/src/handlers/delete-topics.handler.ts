import { type BrokerContext, type RequestContext } from '../broker-context';
import { ErrorCode } from '../protocol/errors';
import { type Reader } from '../protocol/reader';
import { Writer } from '../protocol/writer';
import { partitionKey } from '../storage/fetch-waiters';

/** DeleteTopics v0..v1: files, committed offsets and parked fetches of the topic all go. */
export function handleDeleteTopics(broker: BrokerContext, ctx: RequestContext, r: Reader): Writer {
  const names = r.array((x) => x.string());
  r.int32(); // timeout_ms
  const results = names.map((name) => {
    const partitions = broker.topics.get(name)?.partitions ?? 0;
    const error = broker.topics.delete(name);
    if (error === ErrorCode.NONE) {
      broker.offsets.deleteTopic(name);
      for (let p = 0; p < partitions; p++) broker.waiters.wakeAll(partitionKey(name, p));
    }
    return { name, error };
  });
  broker.scheduler.afterRequest();
  const w = new Writer();
  if (ctx.apiVersion >= 1) w.int32(0);
  w.array(results, (out, x) => out.string(x.name).int16(x.error));
  return w;
}
