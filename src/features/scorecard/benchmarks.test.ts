import { describe, expect, it } from 'vitest';
import { MEASURES } from '../../domain/measures/index.ts';
import { ENGLAND, differenceFromEngland, ragFor, ragRule, type Target } from './benchmarks.ts';

describe('England figures', () => {
  it('are only given for measures that exist, each with a period and a source', () => {
    const ids = new Set(MEASURES.map((m) => m.id));
    for (const [id, f] of Object.entries(ENGLAND)) {
      expect(ids.has(id), id).toBe(true);
      expect(f.period).not.toBe('');
      expect(f.source).toMatch(/\[S\d+\]/);
    }
  });

  it('difference is the authority minus England, null when there is no figure', () => {
    expect(differenceFromEngland('cla-rate', 100)).toBe(33);
    expect(differenceFromEngland('missing-incidents-per-child', 5.5)).toBe(-1.3);
    expect(differenceFromEngland('cla-rate', null)).toBeNull();
    expect(differenceFromEngland('cla-at', 900)).toBeNull();
  });
});

describe('RAG', () => {
  const atLeast: Target = { value: 90, direction: 'at-least', amberWithin: 5 };
  const atMost: Target = { value: 10, direction: 'at-most', amberWithin: 2 };

  it.each([
    [95, 'green'],
    [90, 'green'],
    [85, 'amber'],
    [84.9, 'red'],
  ] as const)('at least 90 (amber within 5): %s is %s', (v, rag) => {
    expect(ragFor(v, atLeast)).toBe(rag);
  });

  it.each([
    [9, 'green'],
    [10, 'green'],
    [12, 'amber'],
    [12.1, 'red'],
  ] as const)('at most 10 (amber within 2): %s is %s', (v, rag) => {
    expect(ragFor(v, atMost)).toBe(rag);
  });

  it('no figure has no RAG', () => {
    expect(ragFor(null, atLeast)).toBeNull();
  });

  it('explains the thresholds', () => {
    expect(ragRule(atMost, '%')).toBe(
      'Green: 10% or lower. Amber: above the target up to 12%. Red: above 12%.',
    );
    expect(ragRule(atLeast)).toBe(
      'Green: 90 or higher. Amber: from 85 up to the target. Red: below 85.',
    );
  });
});
