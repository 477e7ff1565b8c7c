import { DomainError } from '@lianxin/platform-http';
import { type UpstreamShort } from '../../config/gateway-config';

export type UpstreamFailureKind =
  'timeout' | 'unreachable' | 'circuit-open' | 'bad-response' | 'catalogue-unavailable';

const STATUS: Record<UpstreamFailureKind, 502 | 503 | 504> = {
  timeout: 504,
  unreachable: 502,
  'bad-response': 502,
  'circuit-open': 503,
  'catalogue-unavailable': 503,
};

const TITLE: Record<502 | 503 | 504, string> = {
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

/**
 * Why the gateway could not get an answer from an upstream. Rendered as problem+json (with the
 * correlation id) by the platform filter: timeout → 504, unreachable or malformed answer → 502,
 * circuit open or the service's API unknown → 503 with Retry-After.
 */
export class UpstreamFailure extends DomainError {
  readonly status: 502 | 503 | 504;
  readonly slug: string;
  readonly title: string;

  constructor(
    readonly upstream: UpstreamShort,
    readonly kind: UpstreamFailureKind,
    detail: string,
    readonly retryAfterSec?: number,
  ) {
    super(detail);
    this.status = STATUS[kind];
    this.slug = `upstream-${kind}`;
    this.title = TITLE[this.status];
  }

  override extensions(): Record<string, unknown> {
    return { upstream: this.upstream };
  }
}

/** 415: the gateway forwards JSON bodies only (CSV imports excepted). */
export class UnsupportedMediaTypeError extends DomainError {
  readonly status = 415;
  readonly slug = 'unsupported-media-type';
  readonly title = 'Unsupported media type';
}
