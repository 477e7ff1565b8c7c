import { z } from 'zod';
import { toFieldErrors } from './zod-issues';

describe('toFieldErrors', () => {
  const schema = z.strictObject({
    members: z.array(z.strictObject({ name: z.string().min(1) })),
    household: z.strictObject({ size: z.number() }),
  });

  it('names nested fields by dotted path and unknown keys one by one', () => {
    const result = schema.safeParse({
      members: [{ name: '' }, { name: 'a', age: 3 }],
      household: { size: 'x', a: 1, b: 2 },
    });
    expect(result.success).toBe(false);
    const fields = toFieldErrors(result.error?.issues ?? [], 'body').map((error) => error.field);
    expect(fields.sort()).toEqual([
      'household.a',
      'household.b',
      'household.size',
      'members.0.name',
      'members.1.age',
    ]);
  });

  it('names the request part when the whole value is wrong', () => {
    const result = schema.safeParse(undefined);
    expect(toFieldErrors(result.error?.issues ?? [], 'body')).toEqual([
      { field: 'body', message: expect.any(String) },
    ]);
  });
});
