import { createHash, randomBytes } from 'node:crypto';

/**
 * Reproducible random sample (随机抽查). Each candidate gets the SHA-256 of `seed:id`; the sample
 * is the k candidates with the smallest digests, k = ceil(share × n) (at least one when there are
 * candidates and the share is positive). Anyone with the seed and the candidate list can redo the
 * draw and get the same visits, whatever order the list is in — which is what makes it auditable.
 */
export function sampleSize(candidates: number, share: number): number {
  if (candidates === 0 || share <= 0) return 0;
  return Math.min(candidates, Math.max(1, Math.ceil(candidates * share)));
}

export function drawSample(candidateIds: readonly string[], share: number, seed: string): string[] {
  const unique = [...new Set(candidateIds)];
  const size = sampleSize(unique.length, share);
  return unique
    .map((id) => ({ id, digest: createHash('sha256').update(`${seed}:${id}`).digest('hex') }))
    .sort((a, b) => (a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : a.id < b.id ? -1 : 1))
    .slice(0, size)
    .map((entry) => entry.id)
    .sort();
}

export function newSeed(): string {
  return randomBytes(16).toString('hex');
}

export const CALL_BACK_RESULTS = ['confirmed', 'not_confirmed', 'unreachable'] as const;
export type CallBackResult = (typeof CALL_BACK_RESULTS)[number];
