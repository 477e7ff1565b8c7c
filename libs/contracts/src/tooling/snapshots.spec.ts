import { z } from 'zod';
import { ALL_EVENTS } from '../catalogue/catalogue';
import { defineEvent, type EventDefinition } from '../envelope/event-definition';
import {
  compareWithSnapshots,
  describeReport,
  readSnapshots,
  snapshotOf,
  snapshotsToWrite,
} from './snapshots';

const events = ALL_EVENTS as readonly EventDefinition[];

function event(schema: z.ZodObject, type = 'pairing.widget.made', version = 1): EventDefinition {
  return defineEvent({
    type,
    version,
    topic: 'lianxin.pairing.widget.v1',
    schema,
    description: 'test',
    example: {},
  });
}

describe('schema snapshots', () => {
  it('every event version matches its committed snapshot (no breaking, missing, removed or stale ones)', () => {
    const report = compareWithSnapshots(events, readSnapshots());
    // The message names each problem and the fix (`npm run contracts:generate -- --update-snapshots`).
    expect(describeReport(report)).toEqual([]);
  });

  it('has one snapshot file per event version', () => {
    expect(readSnapshots().size).toBe(events.length);
  });

  describe('comparison against synthetic snapshots', () => {
    const v1 = event(z.object({ widgetId: z.uuid(), size: z.enum(['s', 'm']) }));
    const snapshots = new Map([['pairing.widget.made@v1', snapshotOf(v1)]]);

    it('reports an additive change as outdated, and lets --update-snapshots write it', () => {
      const next = event(
        z.object({ widgetId: z.uuid(), size: z.enum(['s', 'm', 'l']), colour: z.string().optional() }),
      );
      const report = compareWithSnapshots([next], snapshots);
      expect(report.breaking).toEqual([]);
      expect(report.outdated).toEqual([next]);
      expect(snapshotsToWrite(report)).toEqual([next]);
    });

    it('reports a breaking change and never offers to overwrite that snapshot', () => {
      const next = event(z.object({ widgetId: z.uuid(), size: z.enum(['s']) }));
      const report = compareWithSnapshots([next], snapshots);
      expect(report.breaking).toEqual([
        {
          key: 'pairing.widget.made@v1',
          changes: [{ path: 'data.size', reason: 'enum narrowed: "m" removed' }],
        },
      ]);
      expect(snapshotsToWrite(report)).toEqual([]);
    });

    it('reports a removed event type, and a new version as missing (not breaking)', () => {
      const v2 = event(z.object({ widgetId: z.uuid() }), 'pairing.widget.made', 2);
      const report = compareWithSnapshots([v2], snapshots);
      expect(report.removed).toEqual(['pairing.widget.made@v1']);
      expect(report.missing).toEqual([v2]);
      expect(describeReport(report)[0]).toMatch(/^BREAKING pairing\.widget\.made@v1: event version removed/);
    });

    it('treats moving an event version to another topic as breaking', () => {
      const moved = { ...v1, topic: 'lianxin.pairing.gadget.v1' };
      const report = compareWithSnapshots([moved], snapshots);
      expect(report.breaking[0]?.changes).toEqual([
        { path: '(topic)', reason: 'moved from lianxin.pairing.widget.v1 to lianxin.pairing.gadget.v1' },
      ]);
    });
  });
});
