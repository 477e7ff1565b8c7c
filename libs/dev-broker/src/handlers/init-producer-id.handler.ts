import { type BrokerContext, type RequestContext } from '../broker-context';
import { ErrorCode } from '../protocol/errors';
import { type Reader } from '../protocol/reader';
import { Writer } from '../protocol/writer';

/** InitProducerId v0..v1: a fresh, never-reused producer id at epoch 0. No transactional ids. */
export function handleInitProducerId(broker: BrokerContext, _ctx: RequestContext, r: Reader): Writer {
  const transactionalId = r.nullableString();
  r.int32(); // transaction_timeout_ms
  const w = new Writer(24).int32(0);
  if (transactionalId !== null) {
    broker.logger.warn(
      `dev-broker: InitProducerId for transactional id ${transactionalId} refused: transactions are not supported`,
    );
    return w.int16(ErrorCode.INVALID_REQUEST).int64(-1).int16(-1);
  }
  return w.int16(ErrorCode.NONE).int64(broker.meta.allocateProducerId()).int16(0);
}
