import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { Readable } from 'node:stream';

// Spreadsheets exported from Chinese office software are often GBK/GB18030, others UTF-8 (with
// or without a BOM). The first chunk decides when the caller does not say: a BOM or valid UTF-8
// means UTF-8, anything else is read as GB18030 (a superset of GBK and GB2312).

export type DeclaredEncoding = 'auto' | 'utf-8' | 'gb18030';
export type ResolvedEncoding = 'utf-8' | 'gb18030';

const PEEK_BYTES = 64 * 1024;

export function detectEncoding(sample: Buffer): ResolvedEncoding {
  if (sample.length >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  // Drop up to three trailing bytes: the sample may end inside a multi-byte character.
  for (let cut = 0; cut <= Math.min(3, sample.length); cut += 1) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, sample.length - cut));
      return 'utf-8';
    } catch {
      // try a shorter sample
    }
  }
  return 'gb18030';
}

async function* withPeek(
  source: Readable,
  declared: DeclaredEncoding,
  onEncoding: (e: ResolvedEncoding) => void,
): AsyncGenerator<Buffer> {
  const head: Buffer[] = [];
  let size = 0;
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  let done = false;
  while (size < PEEK_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    head.push(chunk);
    size += chunk.length;
  }
  onEncoding(declared === 'auto' ? detectEncoding(Buffer.concat(head)) : declared);
  for (const chunk of head) yield chunk;
  while (!done) {
    const next = await iterator.next();
    if (next.done) break;
    yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
  }
}

/**
 * Streams CSV records (arrays of cells) from raw bytes: decode → parse, with backpressure all the
 * way back to the socket, so memory stays flat however large the file is.
 */
export async function* csvRecords(
  source: Readable,
  declared: DeclaredEncoding,
  onEncoding: (e: ResolvedEncoding) => void,
): AsyncGenerator<string[]> {
  let encoding: ResolvedEncoding = 'utf-8';
  const bytes = withPeek(source, declared, (e) => {
    encoding = e;
    onEncoding(e);
  });
  // The decoder is created once the encoding is known (after the first chunk has been read).
  const first = await bytes.next();
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: false });
  const feed = (async () => {
    try {
      if (!first.done) {
        const text = decoder.write(first.value);
        if (text && !parser.write(text)) await new Promise((resolve) => parser.once('drain', resolve));
      }
      for await (const chunk of bytes) {
        const text = decoder.write(chunk);
        if (text && !parser.write(text)) await new Promise((resolve) => parser.once('drain', resolve));
      }
      const rest = decoder.end();
      if (rest) parser.write(rest);
      parser.end();
    } catch (error) {
      parser.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  for await (const record of parser as AsyncIterable<string[]>) yield record;
  await feed;
}
