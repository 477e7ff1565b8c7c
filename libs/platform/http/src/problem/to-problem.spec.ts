import { BadRequestException, InternalServerErrorException } from '@nestjs/common';
import { DomainError, TooManyRequestsError, UnauthorizedError } from '../errors/domain-errors';
import { toProblem } from './to-problem';

const request = { instance: '/api/v1/x', correlationId: 'corr-0001' };

class UpstreamUnavailableError extends DomainError {
  readonly status = 503;
  readonly slug = 'upstream-unavailable';
  readonly title = 'Upstream unavailable';
  override extensions(): Record<string, unknown> {
    return { upstream: 'member-registry' };
  }
}

describe('toProblem', () => {
  it('maps a service-defined DomainError subclass as declared', () => {
    const result = toProblem(new UpstreamUnavailableError('member-registry did not answer'), request);
    expect(result.unexpected).toBe(false);
    expect(result.problem).toEqual({
      type: 'urn:lianxin:problem:upstream-unavailable',
      title: 'Upstream unavailable',
      status: 503,
      detail: 'member-registry did not answer',
      instance: '/api/v1/x',
      correlationId: 'corr-0001',
      upstream: 'member-registry',
    });
  });

  it('adds WWW-Authenticate to 401 and Retry-After to 429', () => {
    expect(toProblem(new UnauthorizedError('no'), request).headers).toEqual({ 'WWW-Authenticate': 'Bearer' });
    expect(toProblem(new TooManyRequestsError('slow down', 30), request).headers).toEqual({
      'Retry-After': '30',
    });
  });

  it("keeps Nest's client errors and hides its server errors", () => {
    expect(toProblem(new BadRequestException('bad'), request).problem).toMatchObject({
      status: 400,
      detail: 'bad',
    });
    const hidden = toProblem(new InternalServerErrorException('pool exhausted at db-1'), request);
    expect(hidden.unexpected).toBe(true);
    expect(hidden.problem.detail).not.toContain('db-1');
  });
});
