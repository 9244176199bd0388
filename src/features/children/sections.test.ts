import { describe, expect, it } from 'vitest';
import { sectionOfForm } from './sections.ts';

describe('sectionOfForm', () => {
  it.each([
    ['/children/7/reviews/new', 'reviews'],
    ['/children/7/convictions/new', 'health'],
    ['/children/7/disruption-meetings/new', 'placements'],
    ['/children/7/visit-agreements', 'visits'],
    ['/children/7/allocations/new', 'summary'],
    ['/children/7/no-such-form/new', undefined],
    ['/carers/7/reviews/new', undefined],
  ])('%s belongs to %s', (href, section) => {
    expect(sectionOfForm(href)).toBe(section);
  });
});
