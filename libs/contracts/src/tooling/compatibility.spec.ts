import { z } from 'zod';
import { findBreakingChanges } from './compatibility';
import { toJsonSchema } from './json-schema';

const base = z.object({
  visitId: z.uuid(),
  kind: z.enum(['home', 'phone']),
  count: z.number().int().min(0).max(100),
  note: z.string().max(20).optional(),
  tags: z.array(z.object({ code: z.string(), weight: z.number() })),
  confirmedBy: z.uuid().nullable(),
});

function changes(next: z.ZodType): string[] {
  return findBreakingChanges(toJsonSchema(base), toJsonSchema(next)).map(
    (change) => `${change.path}: ${change.reason}`,
  );
}

describe('breaking-change detector', () => {
  it('finds nothing when the schema is unchanged', () => {
    expect(changes(base)).toEqual([]);
  });

  it('accepts additive changes: a new optional field, a new enum value, relaxed bounds', () => {
    expect(changes(base.extend({ durationMinutes: z.number().int().optional() }))).toEqual([]);
    expect(changes(base.extend({ kind: z.enum(['home', 'phone', 'other']) }))).toEqual([]);
    expect(
      changes(base.extend({ count: z.number().int().min(0).max(1000), note: z.string().optional() })),
    ).toEqual([]);
    expect(
      changes(
        base.extend({
          tags: z.array(z.object({ code: z.string(), weight: z.number(), extra: z.boolean().optional() })),
        }),
      ),
    ).toEqual([]);
  });

  it('flags a removed field', () => {
    expect(changes(base.omit({ note: true }))).toEqual(['data.note: field removed']);
  });

  it('flags a changed type, also inside arrays', () => {
    expect(changes(base.extend({ count: z.string() }))).toEqual([
      'data.count: type changed from integer to string',
    ]);
    expect(
      changes(base.extend({ tags: z.array(z.object({ code: z.number(), weight: z.number() })) })),
    ).toEqual(['data.tags[].code: type changed from string to number']);
  });

  it('flags optional → required and new required fields', () => {
    expect(changes(base.extend({ note: z.string().max(20) }))).toEqual([
      'data.note: optional field became required',
    ]);
    expect(changes(base.extend({ reason: z.string() }))).toEqual([
      'data.reason: new required field (only optional fields may be added)',
    ]);
  });

  it('flags required → optional (a consumer relying on the field would miss it)', () => {
    expect(changes(base.extend({ kind: z.enum(['home', 'phone']).optional() }))).toEqual([
      'data.kind: required field became optional',
    ]);
  });

  it('flags a narrowed enum, naming the removed values', () => {
    expect(changes(base.extend({ kind: z.enum(['home']) }))).toEqual([
      'data.kind: enum narrowed: "phone" removed',
    ]);
    expect(changes(base.extend({ note: z.enum(['a', 'b']).optional() }))).toEqual([
      'data.note: values restricted to an enum',
    ]);
  });

  it('flags tightened bounds and new formats', () => {
    expect(changes(base.extend({ count: z.number().int().min(1).max(100) }))).toEqual([
      'data.count: minimum raised from 0 to 1',
    ]);
    expect(changes(base.extend({ note: z.string().max(10).optional() }))).toEqual([
      'data.note: maxLength lowered from 20 to 10',
    ]);
    expect(changes(base.extend({ note: z.email().max(20).optional() }))).toEqual(
      expect.arrayContaining(['data.note: format changed from none to "email"']),
    );
  });

  it('flags nullability changes in either direction', () => {
    expect(changes(base.extend({ confirmedBy: z.uuid() }))).toEqual([
      'data.confirmedBy: type changed: null no longer accepted',
    ]);
    expect(changes(base.extend({ count: z.number().int().min(0).max(100).nullable() }))).toEqual([
      'data.count: type changed: null now accepted',
    ]);
  });

  it('accepts new values in a nullable enum but not a removed one', () => {
    const before = toJsonSchema(z.object({ s: z.enum(['a', 'b']).nullable() }));
    const wider = toJsonSchema(z.object({ s: z.enum(['a', 'b', 'c']).nullable() }));
    const narrower = toJsonSchema(z.object({ s: z.enum(['a']).nullable() }));
    expect(findBreakingChanges(before, wider)).toEqual([]);
    expect(findBreakingChanges(before, narrower)).toEqual([
      { path: 'data.s', reason: 'enum narrowed: "b" removed' },
    ]);
  });
});
