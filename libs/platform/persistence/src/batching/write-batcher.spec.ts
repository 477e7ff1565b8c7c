import { WriteBatcher } from './write-batcher';

/** A batch runner whose batches finish only when the test says so. */
function controlledRunner() {
  const batches: { items: readonly number[]; finish: () => void; fail: (error: Error) => void }[] = [];
  const run = (items: readonly number[]) =>
    new Promise<readonly string[]>((resolve, reject) => {
      batches.push({
        items,
        finish: () => resolve(items.map((item) => `done ${item}`)),
        fail: reject,
      });
    });
  return { batches, run };
}

/** A few turns of the event loop: a finished batch's slot is handed on a turn after its outcomes. */
const turn = async () => {
  for (let step = 0; step < 3; step += 1) await new Promise((resolve) => setImmediate(resolve));
};

describe('WriteBatcher', () => {
  it('sends a lone item at once, alone', async () => {
    const runner = controlledRunner();
    const batcher = new WriteBatcher(runner.run, { maxBatch: 10, maxInFlight: 1, spanName: 't' });
    const outcome = batcher.submit(1);
    await turn();
    expect(runner.batches.map((batch) => batch.items)).toEqual([[1]]);
    runner.batches[0]?.finish();
    await expect(outcome).resolves.toBe('done 1');
  });

  it('sends what arrives while the slots are busy as the next batches, capped at maxBatch, answering each in order', async () => {
    const runner = controlledRunner();
    const batcher = new WriteBatcher(runner.run, { maxBatch: 3, maxInFlight: 1, spanName: 't' });
    const first = batcher.submit(1);
    await turn();
    const later = [2, 3, 4, 5].map((item) => batcher.submit(item));
    await turn();
    expect(runner.batches).toHaveLength(1);
    runner.batches[0]?.finish();
    await first;
    await turn();
    expect(runner.batches.map((batch) => batch.items)).toEqual([[1], [2, 3, 4]]);
    runner.batches[1]?.finish();
    await turn();
    expect(runner.batches.map((batch) => batch.items)).toEqual([[1], [2, 3, 4], [5]]);
    runner.batches[2]?.finish();
    await expect(Promise.all(later)).resolves.toEqual(['done 2', 'done 3', 'done 4', 'done 5']);
    await expect(batcher.drained()).resolves.toBeUndefined();
  });

  it('runs up to maxInFlight batches at once', async () => {
    const runner = controlledRunner();
    const batcher = new WriteBatcher(runner.run, { maxBatch: 1, maxInFlight: 2, spanName: 't' });
    const outcomes = [1, 2, 3].map((item) => batcher.submit(item));
    await turn();
    expect(runner.batches.map((batch) => batch.items)).toEqual([[1], [2]]);
    runner.batches[1]?.finish();
    await turn();
    await turn();
    expect(runner.batches.map((batch) => batch.items)).toEqual([[1], [2], [3]]);
    runner.batches[0]?.finish();
    runner.batches[2]?.finish();
    await expect(Promise.all(outcomes)).resolves.toEqual(['done 1', 'done 2', 'done 3']);
  });

  it('fails only the batch whose runner threw, and keeps serving', async () => {
    const runner = controlledRunner();
    const batcher = new WriteBatcher(runner.run, { maxBatch: 5, maxInFlight: 1, spanName: 't' });
    const first = batcher.submit(1);
    await turn();
    const second = [batcher.submit(2), batcher.submit(3)];
    runner.batches[0]?.fail(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await turn();
    runner.batches[1]?.finish();
    await expect(Promise.all(second)).resolves.toEqual(['done 2', 'done 3']);
  });

  it('rejects a batch whose runner answered the wrong number of outcomes', async () => {
    const batcher = new WriteBatcher(async () => ['only one'], {
      maxBatch: 5,
      maxInFlight: 1,
      spanName: 't',
    });
    const outcomes = await Promise.allSettled([batcher.submit(1), batcher.submit(2)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
  });
});
