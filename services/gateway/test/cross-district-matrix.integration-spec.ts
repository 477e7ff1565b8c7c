import request from 'supertest';
import { can, PERMISSION_MATRIX } from '@lianxin/auth';
import { DEMO_ACCOUNTS, type DemoAccount } from '../src/auth/domain/demo-accounts';
import {
  DISTRICTS,
  fakeRoutes,
  fakeRows,
  type DistrictCode,
  type FakeRoute,
} from './support/scoped-upstream';
import { startGatewayUnderTest, type GatewayUnderTest } from './support/gateway-test-harness';

jest.setTimeout(120_000);

/**
 * Every demo account of a district (one per role) × every route generated from the permission
 * matrix, aimed at the OTHER district: no response may succeed with the other district's data,
 * and writes naming the other district's org path must be stopped at the gateway.
 */
const districtAccounts = DEMO_ACCOUNTS.filter((account) => account.districtId !== null);
const routes = fakeRoutes();
const rows = fakeRows();

function otherDistrict(account: DemoAccount): DistrictCode {
  return account.districtId === DISTRICTS.taoyuan.id ? 'xishan' : 'taoyuan';
}

function ownDistrict(account: DemoAccount): DistrictCode {
  return account.districtId === DISTRICTS.taoyuan.id ? 'taoyuan' : 'xishan';
}

function rowOf(route: FakeRoute, district: DistrictCode): string {
  const row = rows.get(route.prefix)?.find((item) => item.districtId === DISTRICTS[district].id);
  if (!row) throw new Error(`no row for ${route.prefix}`);
  return row.id;
}

interface Probe {
  readonly method: 'GET' | 'POST' | 'PATCH';
  readonly url: string;
  readonly body: unknown;
  readonly contentType: string;
}

function probe(route: FakeRoute, target: DistrictCode): Probe {
  const d = DISTRICTS[target];
  const id = route.template.includes('{id}') ? rowOf(route, target) : '';
  const url = route.template.replace('{id}', id);
  switch (route.kind) {
    case 'list':
      return {
        method: 'GET',
        url: `${url}?orgPath=${encodeURIComponent(d.township)}`,
        body: undefined,
        contentType: 'application/json',
      };
    case 'get':
    case 'sensitive':
      return { method: 'GET', url, body: undefined, contentType: 'application/json' };
    case 'create':
      return {
        method: 'POST',
        url,
        body: { orgPath: d.township, name: 'probe' },
        contentType: 'application/json',
      };
    case 'update':
      return { method: 'PATCH', url, body: { name: 'probe' }, contentType: 'application/json' };
    case 'verb':
      return { method: 'POST', url, body: { note: 'probe' }, contentType: 'application/json' };
    case 'import':
      return {
        method: 'POST',
        url: `${url}?orgPath=${encodeURIComponent(d.township)}`,
        body: 'name\nx\n',
        contentType: 'text/csv',
      };
  }
}

describe('cross-district security matrix (every role × district × route)', () => {
  let gw: GatewayUnderTest;
  beforeAll(async () => {
    gw = await startGatewayUnderTest();
  });
  afterAll(() => gw.close());

  async function send(account: DemoAccount, p: Probe): Promise<request.Response> {
    const req = request(gw.server)
      [p.method === 'GET' ? 'get' : p.method === 'POST' ? 'post' : 'patch'](p.url)
      .set('authorization', `Bearer ${await gw.token(account.username)}`)
      .set('content-type', p.contentType);
    return p.body === undefined
      ? req
      : req.send(typeof p.body === 'string' ? p.body : JSON.stringify(p.body));
  }

  it('covers every district role and every routed matrix action', () => {
    expect(new Set(districtAccounts.map((account) => account.role)).size).toBe(7);
    const actions = new Set(routes.map((route) => route.action));
    const routed = Object.keys(PERMISSION_MATRIX).filter(
      (action) => action.startsWith('registry.') || action.startsWith('pairing.'),
    );
    expect([...actions].sort()).toEqual(routed.sort());
  });

  it('finds no cross-district read or write', async () => {
    const leaks: string[] = [];
    let probes = 0;
    for (const account of districtAccounts) {
      const other = otherDistrict(account);
      const foreign = [
        DISTRICTS[other].id,
        DISTRICTS[other].township,
        ...[...rows.values()]
          .flat()
          .filter((r) => r.districtId === DISTRICTS[other].id)
          .map((r) => r.id),
      ];
      for (const route of routes) {
        const p = probe(route, other);
        const before = gw.upstreams[route.upstream].received.length;
        const res = await send(account, p);
        probes += 1;
        const label = `${account.username} ${p.method} ${p.url} → ${res.status}`;
        if (res.status >= 200 && res.status < 300) {
          const text = JSON.stringify(res.body);
          if (foreign.some((value) => text.includes(value)) || p.method !== 'GET')
            leaks.push(`${label} ${text}`);
        }
        if (res.status >= 500) leaks.push(`${label} (server error)`);
        // Requests that name the other district's org path never reach the service.
        if (
          (route.kind === 'create' || route.kind === 'list' || route.kind === 'import') &&
          gw.upstreams[route.upstream].received.length !== before
        ) {
          leaks.push(`${label} reached the service`);
        }
      }
    }
    expect(probes).toBe(districtAccounts.length * routes.length);
    expect(leaks).toEqual([]);
  });

  it('still lets every permitted role act inside its own district (the matrix is not vacuous)', async () => {
    const failures: string[] = [];
    for (const account of districtAccounts) {
      const own = ownDistrict(account);
      for (const route of routes) {
        const allowed = can({ roles: [account.role] }, route.action);
        // Township-level accounts address the demo township's rows, which they cover.
        const p = probe(route, own);
        const res = await send(account, p);
        const ok = res.status >= 200 && res.status < 300;
        if (allowed !== ok)
          failures.push(
            `${account.username} ${p.method} ${p.url} → ${res.status} (allowed: ${String(allowed)})`,
          );
        if (!allowed && res.status !== 403)
          failures.push(`${account.username} ${p.method} ${p.url} → ${res.status}, expected 403`);
      }
    }
    expect(failures).toEqual([]);
  });
});
