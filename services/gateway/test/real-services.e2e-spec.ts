import SwaggerParser from '@apidevtools/swagger-parser';
import { startTestPlatform, type TestPlatform } from '@lianxin/testing';
import { DEMO_ACCOUNTS, DEMO_DISTRICTS, type DemoAccount } from '../src/auth/domain/demo-accounts';

// Startup compiles three services with SWC on two shared cores, then loads demo data.
jest.setTimeout(240_000);

type Json = Record<string, unknown>;

/** Every object in a JSON value that has an `id` and an `orgPath` (rows of any resource). */
function scopedRows(
  value: unknown,
  found: { id: string; orgPath: string }[] = [],
): { id: string; orgPath: string }[] {
  if (Array.isArray(value)) for (const item of value) scopedRows(item, found);
  else if (typeof value === 'object' && value !== null) {
    const record = value as Json;
    if (typeof record['id'] === 'string' && typeof record['orgPath'] === 'string')
      found.push({ id: record['id'], orgPath: record['orgPath'] });
    for (const item of Object.values(record)) scopedRows(item, found);
  }
  return found;
}

/**
 * The real gateway, member-registry and pairing-visits, started by the launcher with demo data:
 * the cross-district check of the security matrix, against the services' own OpenAPI and data.
 */
describe('gateway in front of the real services', () => {
  let platform: TestPlatform;
  let gateway: string;
  const tokens = new Map<string, string>();

  async function token(account: DemoAccount): Promise<string> {
    const cached = tokens.get(account.username);
    if (cached) return cached;
    const response = await fetch(`${gateway}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: account.username, password: 'lianxin-demo' }),
    });
    const body = (await response.json()) as { accessToken: string };
    tokens.set(account.username, body.accessToken);
    return body.accessToken;
  }

  async function get(account: DemoAccount, path: string): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${gateway}${path}`, {
      headers: { authorization: `Bearer ${await token(account)}` },
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON (e.g. CSV export): compared as text
    }
    return { status: response.status, body };
  }

  beforeAll(async () => {
    platform = await startTestPlatform({
      services: ['gateway', 'member-registry', 'pairing-visits'],
      demoData: true,
    });
    const service = platform.services.find((item) => item.name === 'gateway');
    if (!service) throw new Error('gateway did not start');
    gateway = service.url;
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('merges the real services’ documents into one valid OpenAPI document', async () => {
    const document = (await (await fetch(`${gateway}/openapi.json`)).json()) as Json;
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    const paths = Object.keys(document['paths'] as Json);
    expect(paths.some((path) => path.startsWith('/api/v1/members'))).toBe(true);
    expect(
      paths.some((path) => path.startsWith('/api/v1/visits') || path.startsWith('/api/v1/pairings')),
    ).toBe(true);
  });

  it('lets no district account read another district’s rows through any list or by id', async () => {
    const document = (await (await fetch(`${gateway}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Json>>;
    };
    const lists = Object.entries(document.paths)
      .filter(
        ([path, item]) =>
          item['get'] && !path.includes('{') && item['get']['x-lianxin-upstream'] !== undefined,
      )
      .map(([path]) => path);
    const byId = Object.entries(document.paths)
      .filter(([path, item]) => item['get'] && /^\/api\/v1\/[a-z-]+\/\{[^}]+\}$/.test(path))
      .map(([path]) => path);
    const city = DEMO_ACCOUNTS.find((account) => account.role === 'city_admin');
    if (!city) throw new Error('no city admin');

    // What exists, seen city-wide: rows of each district per list.
    const rowsByList = new Map<string, { id: string; orgPath: string }[]>();
    for (const list of lists) {
      const { status, body } = await get(city, list);
      if (status === 200) rowsByList.set(list, scopedRows(body));
    }

    const leaks: string[] = [];
    let ownRowsSeen = 0;
    for (const account of DEMO_ACCOUNTS.filter((item) => item.districtId !== null)) {
      const other = DEMO_DISTRICTS.find((district) => district.id !== account.districtId);
      if (!other) continue;
      for (const list of lists) {
        const { status, body } = await get(account, list);
        if (status >= 500) leaks.push(`${account.username} GET ${list} → ${status}`);
        if (status === 200) {
          const foreign = scopedRows(body).filter((row) => row.orgPath.startsWith(other.path));
          if (foreign.length > 0)
            leaks.push(`${account.username} GET ${list} returned ${foreign.length} rows of ${other.path}`);
          ownRowsSeen += scopedRows(body).length - foreign.length;
        }
        const filtered = await get(account, `${list}?orgPath=${encodeURIComponent(other.path)}`);
        if (filtered.status >= 200 && filtered.status < 300 && scopedRows(filtered.body).length > 0) {
          leaks.push(`${account.username} GET ${list}?orgPath=${other.path} → ${filtered.status}`);
        }
      }
      for (const template of byId) {
        const prefix = template.replace(/\/\{[^}]+\}$/, '');
        const foreignRow = rowsByList.get(prefix)?.find((row) => row.orgPath.startsWith(other.path));
        if (!foreignRow) continue;
        const { status } = await get(account, `${prefix}/${foreignRow.id}`);
        if (status >= 200 && status < 300)
          leaks.push(`${account.username} GET ${prefix}/${foreignRow.id} (${other.path}) → ${status}`);
      }
    }
    // Not vacuous: the city sees rows of both districts, and district accounts see their own.
    const cityRows = [...rowsByList.values()].flat();
    for (const district of DEMO_DISTRICTS)
      expect(cityRows.some((row) => row.orgPath.startsWith(district.path))).toBe(true);
    expect(ownRowsSeen).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  });

  it('resolves the QR code of a printed member card through /public without a token', async () => {
    const admin = DEMO_ACCOUNTS.find((account) => account.role === 'district_admin');
    if (!admin) throw new Error('no district admin');
    const members = await get(admin, '/api/v1/members?limit=1');
    const memberId = scopedRows(members.body)[0]?.id;
    if (!memberId) throw new Error('no demo member');
    const published = await fetch(`${gateway}/api/v1/member-cards/${memberId}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await token(admin)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ serviceItems: ['policy_consultation'] }),
    });
    expect(published.status).toBe(200);
    const card = (await published.json()) as { cardId: string; qrUrl: string; name: string };
    const qrPath = new URL(card.qrUrl).pathname;
    expect(qrPath).toBe(`/public/member-cards/${card.cardId}`);

    const scanned = await fetch(`${gateway}${qrPath}`);
    expect(scanned.status).toBe(200);
    const shown = (await scanned.json()) as Json;
    expect(Object.keys(shown).sort()).toEqual(
      ['cardId', 'motto', 'name', 'phone', 'pledgeText', 'post', 'serviceItems'].sort(),
    );
    expect(shown).toMatchObject({ cardId: card.cardId, name: card.name });

    const malformed = await fetch(`${gateway}/public/member-cards/not-a-card`);
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await malformed.json()) as { errors: { field: string }[] }).errors).toEqual([
      expect.objectContaining({ field: 'cardId' }),
    ]);
    expect((await fetch(`${gateway}/public/member-cards/0190ffff-0000-7000-8000-000000000000`)).status).toBe(
      404,
    );
  });
});
