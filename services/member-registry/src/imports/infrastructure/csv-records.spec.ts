import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { csvRecords, detectEncoding, type ResolvedEncoding } from './csv-records';

async function collect(
  bytes: Buffer,
  chunkSize = 7,
): Promise<{ records: string[][]; encoding: ResolvedEncoding | undefined }> {
  const chunks = Array.from({ length: Math.ceil(bytes.length / chunkSize) }, (_, i) =>
    bytes.subarray(i * chunkSize, (i + 1) * chunkSize),
  );
  let encoding: ResolvedEncoding | undefined;
  const records: string[][] = [];
  for await (const r of csvRecords(Readable.from(chunks), 'auto', (e) => (encoding = e))) records.push(r);
  return { records, encoding };
}

describe('CSV decoding', () => {
  const text = '姓名,民族\n张三,藏族\n李四,"汉族"\n';

  it('reads GB18030 files and detects the encoding', async () => {
    const result = await collect(iconv.encode(text, 'gb18030'));
    expect(result.encoding).toBe('gb18030');
    expect(result.records).toEqual([
      ['姓名', '民族'],
      ['张三', '藏族'],
      ['李四', '汉族'],
    ]);
  });

  it('reads UTF-8 with a BOM, split inside multi-byte characters', async () => {
    const result = await collect(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      5,
    );
    expect(result.encoding).toBe('utf-8');
    expect(result.records[0]).toEqual(['姓名', '民族']);
  });

  it('detects UTF-8 without a BOM', () => {
    expect(detectEncoding(Buffer.from('张三', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(iconv.encode('张三', 'gbk'))).toBe('gb18030');
  });
});
