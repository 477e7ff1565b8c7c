import { SUPPORTED_APIS } from '../protocol/api-keys';
import { HANDLERS } from './index';

describe('API table', () => {
  it('has a handler for every advertised API and advertises every handled API', () => {
    expect([...HANDLERS.keys()].sort((a, b) => a - b)).toEqual(
      [...SUPPORTED_APIS.keys()].sort((a, b) => a - b),
    );
  });

  it('advertises the versions librdkafka < 2.11 needs to enable its features', () => {
    const has = (key: number, version: number) => {
      const range = SUPPORTED_APIS.get(key);
      return range !== undefined && range.min <= version && version <= range.max;
    };
    // MsgVer2, BrokerBalancedConsumer, IdempotentProducer, ZSTD, OffsetTime (spec §1.3).
    expect([
      has(0, 3),
      has(1, 4),
      has(10, 0),
      has(8, 2),
      has(9, 1),
      has(11, 0),
      has(14, 0),
      has(12, 0),
      has(13, 0),
      has(22, 0),
      has(0, 7),
      has(1, 10),
      has(2, 1),
    ]).not.toContain(false);
  });
});
