import { describe, expect, it } from 'vitest';
import { ReportCache } from './reportCache.ts';

const alice = { sessionId: 's1', userId: 1 };

describe('ReportCache', () => {
  it('gives a report back to the session and user that stored it, until it expires', () => {
    let now = 1_000;
    const cache = new ReportCache<string>(30 * 60 * 1000, 10, () => now);
    const id = cache.put(alice, 'report');
    expect(id).toMatch(/^[\w-]{22}$/);
    expect(cache.get(id, alice)).toBe('report');
    expect(cache.get(id, { sessionId: 's2', userId: 1 })).toBeUndefined();
    expect(cache.get(id, { sessionId: 's1', userId: 2 })).toBeUndefined();
    expect(cache.get('no-such-id', alice)).toBeUndefined();
    now += 30 * 60 * 1000 - 1;
    expect(cache.get(id, alice)).toBe('report');
    now += 1;
    expect(cache.get(id, alice)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the oldest reports beyond its size', () => {
    const cache = new ReportCache<number>(60_000, 2);
    const a = cache.put(alice, 1);
    const b = cache.put(alice, 2);
    const c = cache.put(alice, 3);
    expect([cache.get(a, alice), cache.get(b, alice), cache.get(c, alice)]).toEqual([
      undefined,
      2,
      3,
    ]);
  });
});
