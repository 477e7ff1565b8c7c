import { type BrokerContext, type RequestContext } from '../broker-context';
import { ErrorCode } from '../protocol/errors';
import { type Reader } from '../protocol/reader';
import { Writer } from '../protocol/writer';

/** DeleteGroups v0..v1: only empty groups; their committed offsets go too. */
export function handleDeleteGroups(broker: BrokerContext, _ctx: RequestContext, r: Reader): Writer {
  const results = r
    .array((x) => x.string())
    .map((groupId) => {
      const known = broker.groups.has(groupId) || broker.offsets.list(groupId).length > 0;
      if (!known) return { groupId, error: ErrorCode.GROUP_ID_NOT_FOUND };
      if (!broker.groups.isEmpty(groupId)) return { groupId, error: ErrorCode.NON_EMPTY_GROUP };
      broker.groups.delete(groupId);
      broker.offsets.deleteGroup(groupId);
      return { groupId, error: ErrorCode.NONE };
    });
  broker.scheduler.afterRequest();
  const w = new Writer();
  w.int32(0);
  w.array(results, (out, x) => out.string(x.groupId).int16(x.error));
  return w;
}
