import { OperationIndex } from './operation-index';
import { findRoute } from './route-table';

describe('route table', () => {
  it('routes by whole path segments, longest prefix first', () => {
    expect(findRoute('/api/v1/members')?.upstream).toBe('registry');
    expect(findRoute('/api/v1/members/0190/cards')?.upstream).toBe('registry');
    expect(findRoute('/api/v1/visits')?.upstream).toBe('pairing');
    expect(findRoute('/api/v1/membersx')).toBeUndefined();
    expect(findRoute('/api/v1/members/')?.upstream).toBe('registry');
    expect(findRoute('/api/v1/member')).toBeUndefined();
    expect(findRoute('/api/v1/quota-progress/x')?.readTimeoutMs).toBe(15_000);
    expect(findRoute('/public/member-cards')?.public).toBe(true);
    expect(findRoute('/public/member-cardsx')).toBeUndefined();
    expect(findRoute('/api/v1/imports')?.streamBody).toBe(true);
  });
});

describe('OperationIndex', () => {
  const index = new OperationIndex(
    OperationIndex.fromDocument(
      'registry',
      {
        paths: {
          '/api/v1/members': {
            get: { 'x-lianxin-action': 'registry.member.read' },
            post: { 'x-lianxin-action': 'registry.member.write' },
          },
          '/api/v1/members/{memberId}': {
            get: { 'x-lianxin-action': 'registry.member.read', operationId: 'getMember' },
            parameters: [],
          },
          '/api/v1/members/search': { get: { 'x-lianxin-action': 'registry.member.search' } },
          '/health/live': { get: {} },
        },
      },
      (path) => path.startsWith('/api/v1/'),
    ),
  );

  it('matches templates and decodes path parameters', () => {
    const match = index.match('GET', '/api/v1/members/a%20b');
    expect(match?.operation.operationId).toBe('getMember');
    expect(match?.params).toEqual({ memberId: 'a b' });
  });

  it('prefers literal segments over parameters', () => {
    expect(index.match('GET', '/api/v1/members/search')?.operation.action).toBe('registry.member.search');
  });

  it('answers HEAD with the GET operation, and nothing for undeclared methods or unrouted paths', () => {
    expect(index.match('HEAD', '/api/v1/members')?.operation.action).toBe('registry.member.read');
    expect(index.match('DELETE', '/api/v1/members/1')).toBeUndefined();
    expect(index.match('GET', '/health/live')).toBeUndefined();
    expect(index.size).toBe(4);
  });
});
