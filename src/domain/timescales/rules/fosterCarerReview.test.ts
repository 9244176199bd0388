import { describe, expect, it } from 'vitest';
import { dueItems } from '../engine.ts';
import { carer } from '../testInput.ts';

describe('foster carer reviews', () => {
  it('first within a year of approval and to panel, then yearly', () => {
    const input = carer({
      approved: '2025-01-31',
      reviews: [{ date: '2026-01-20', panelDate: '2026-02-10' }],
    });
    expect(
      dueItems(input, '2026-02-11').map((i) => [
        i.rule,
        i.due,
        i.status,
        i.doneOn ?? null,
        i.late ?? false,
      ]),
    ).toEqual([
      ['foster-carer-first-review-panel', '2026-01-31', 'done', '2026-02-10', true],
      ['foster-carer-review', '2026-01-31', 'done', '2026-01-20', false],
      ['foster-carer-review', '2027-01-20', 'upcoming', null, false],
    ]);
  });
  it('first review held but not taken to panel', () => {
    const input = carer({
      approved: '2024-02-29',
      reviews: [{ date: '2025-02-20', panelDate: null }],
    });
    const panel = dueItems(input, '2025-03-01').find(
      (i) => i.rule === 'foster-carer-first-review-panel',
    );
    expect(panel).toMatchObject({ due: '2025-02-28', status: 'overdue' });
  });
  it('no reviews once deregistered', () => {
    const input = carer({ approved: '2024-03-01', deregistered: '2024-12-01' });
    expect(dueItems(input, '2025-03-02')).toEqual([]);
  });
  it('only the latest review on the record: next due a year after it, no panel item', () => {
    const input = carer({
      approved: '2015-05-01',
      reviews: [{ date: '2025-10-31', panelDate: null }],
      reviewHistoryIncomplete: true,
    });
    expect(dueItems(input, '2026-10-20').map((i) => [i.rule, i.item, i.due, i.status])).toEqual([
      ['foster-carer-review', 'from-2025-10-31/1', '2026-10-31', 'due'],
    ]);
  });
});
