import { z } from 'zod';
import { ValidationError } from '../errors/domain-errors';
import { ZodValidationPipe } from './zod-validation.pipe';

describe('ZodValidationPipe', () => {
  const pipe = new ZodValidationPipe(
    z.object({ heard: z.string(), items: z.array(z.strictObject({ summary: z.string() })) }),
    'body',
  );

  it('passes a valid value through, parsed', () => {
    expect(pipe.transform({ heard: '屋顶漏雨', items: [{ summary: '代办' }] })).toEqual({
      heard: '屋顶漏雨',
      items: [{ summary: '代办' }],
    });
  });

  it('rejects U+0000 anywhere (Postgres cannot store it), naming each field', () => {
    let caught: unknown;
    try {
      pipe.transform({ heard: '屋顶\u0000漏雨', items: [{ summary: 'ok' }, { summary: '\u0000' }] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).errors.map((error) => error.field)).toEqual([
      'heard',
      'items.1.summary',
    ]);
  });

  it('rejects a lone surrogate (valid JSON, not storable as UTF-8 or jsonb) but not a surrogate pair', () => {
    let caught: unknown;
    try {
      pipe.transform({ heard: 'a\ud800', items: [{ summary: 'b\udc00c' }] });
    } catch (error) {
      caught = error;
    }
    expect((caught as ValidationError).errors).toEqual([
      { field: 'heard', message: expect.stringMatching(/lone surrogate/) },
      { field: 'items.0.summary', message: expect.stringMatching(/lone surrogate/) },
    ]);
    expect(pipe.transform({ heard: '𠮷 (a pair)', items: [] })).toEqual({ heard: '𠮷 (a pair)', items: [] });
  });

  it('rejects U+0000 in a key or in a bare query value', () => {
    expect(() => pipe.transform({ ['he\u0000ard']: 'x', items: [] })).toThrow(ValidationError);
    const query = new ZodValidationPipe(z.string(), 'query');
    expect(() => query.transform('a\u0000')).toThrow(ValidationError);
  });
});
