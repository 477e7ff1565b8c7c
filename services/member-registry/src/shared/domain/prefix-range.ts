/**
 * The exclusive upper bound of the strings that start with `prefix`, in code point order (which is
 * byte order for UTF-8, i.e. collation "C"): the prefix with its last code point incremented.
 * `text >= prefix AND text < upper` is then exactly "starts with prefix", and unlike `LIKE` its
 * operators are leakproof, so Postgres can use them as index conditions under row-level security.
 */
export function prefixUpperBound(prefix: string): string {
  if (prefix === '') throw new Error('an empty prefix has no upper bound');
  const chars = [...prefix];
  const last = chars[chars.length - 1].codePointAt(0) ?? 0;
  // U+10FFFF cannot be incremented: every string starting with the rest of the prefix and then a
  // character >= U+10FFFF is below the rest of the prefix incremented.
  if (last === 0x10ffff) return prefixUpperBound(chars.slice(0, -1).join(''));
  // Skip the surrogate block: those code points never occur alone in valid text.
  const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
  return chars.slice(0, -1).join('') + String.fromCodePoint(next);
}
