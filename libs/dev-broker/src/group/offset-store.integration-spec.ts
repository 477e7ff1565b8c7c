import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SyncScheduler } from '../storage/sync-policy';
import { OffsetStore } from './offset-store';

describe('offset store', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offsets-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const open = (compactAfterLines?: number) => {
    const store = new OffsetStore(dir, new SyncScheduler('batch'), compactAfterLines);
    store.load();
    return store;
  };

  it('keeps the latest commit per partition across a reopen, and forgets deleted groups and topics', () => {
    const store = open();
    store.commit('g1', [{ topic: 't', partition: 0, offset: 5, metadata: 'm' }]);
    store.commit('g1', [{ topic: 't', partition: 0, offset: 9, metadata: '' }]);
    store.commit('g1', [{ topic: 'gone', partition: 1, offset: 3, metadata: '' }]);
    store.commit('g2', [{ topic: 't', partition: 0, offset: 1, metadata: '' }]);
    store.deleteTopic('gone');
    store.deleteGroup('g2');
    store.close();
    const reopened = open();
    expect(reopened.get('g1', 't', 0)).toEqual({ offset: 9, metadata: '' });
    expect(reopened.get('g1', 'gone', 1)).toBeUndefined();
    expect(reopened.groupIds()).toEqual(['g1']);
    reopened.close();
  });

  it('ignores a torn last line left by a crash', () => {
    const store = open();
    store.commit('g', [{ topic: 't', partition: 0, offset: 7, metadata: '' }]);
    store.close();
    fs.appendFileSync(path.join(dir, 'groups', 'offsets.log'), '{"g":"g","t":"t","p":0,"o":');
    const reopened = open();
    expect(reopened.get('g', 't', 0)?.offset).toBe(7);
    reopened.close();
  });

  it('compacts the file while running once it has grown far beyond the live entries', () => {
    const store = open(100);
    for (let i = 0; i < 250; i++) store.commit('g', [{ topic: 't', partition: 0, offset: i, metadata: '' }]);
    const lines = fs
      .readFileSync(path.join(dir, 'groups', 'offsets.log'), 'utf8')
      .trim()
      .split('\n');
    expect(lines.length).toBeLessThan(100);
    store.close();
    const reopened = open();
    expect(reopened.get('g', 't', 0)?.offset).toBe(249);
    reopened.close();
  });
});
