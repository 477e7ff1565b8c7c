import { type BrokerContext, type RequestContext } from '../broker-context';
import { type Reader } from '../protocol/reader';
import { type Writer } from '../protocol/writer';

/**
 * One API: decode the request body from `r`, act, and return the response body (without the
 * response header), or null when the protocol says no response is sent (Produce with acks=0).
 */
export type Handler = (
  broker: BrokerContext,
  ctx: RequestContext,
  r: Reader,
) => Writer | null | Promise<Writer | null>;
