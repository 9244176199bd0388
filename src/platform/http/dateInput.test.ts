import { describe, expect, it } from 'vitest';
import { dateItems, joinDate, problemsView } from './dateInput.ts';

describe('joinDate', () => {
  it('joins the boxes into an ISO date, padding day and month', () => {
    expect(joinDate({ 'd-day': ' 5 ', 'd-month': '3', 'd-year': '2026' }, 'd')).toBe('2026-03-05');
  });
  it('answers "" when every box is blank or missing', () => {
    expect(joinDate({ 'd-day': ' ', 'd-month': '' }, 'd')).toBe('');
  });
  it('answers "invalid" for a partial or malformed date, or a box that is not text', () => {
    expect(joinDate({ 'd-day': '5', 'd-year': '2026' }, 'd')).toBe('invalid');
    expect(joinDate({ 'd-day': '5', 'd-month': 'May', 'd-year': '2026' }, 'd')).toBe('invalid');
    expect(joinDate({ 'd-day': '5', 'd-month': '5', 'd-year': '26' }, 'd')).toBe('invalid');
    expect(joinDate({ 'd-day': ['5'], 'd-month': '5', 'd-year': '2026' }, 'd')).toBe('invalid');
  });
});

describe('dateItems', () => {
  it('shows what was posted, with the error class only when in error', () => {
    const body = { 'd-day': '5', 'd-month': '13', 'd-year': '2026' };
    expect(dateItems(body, 'd', true)).toEqual([
      { name: 'day', value: '5', classes: 'govuk-input--width-2 govuk-input--error' },
      { name: 'month', value: '13', classes: 'govuk-input--width-2 govuk-input--error' },
      { name: 'year', value: '2026', classes: 'govuk-input--width-4 govuk-input--error' },
    ]);
    expect(dateItems({}, 'd', false).map((i) => i.classes)).toEqual([
      'govuk-input--width-2',
      'govuk-input--width-2',
      'govuk-input--width-4',
    ]);
  });
});

describe('problemsView', () => {
  it('links a date problem to its day box and any other to its field', () => {
    expect(problemsView({ due: 'Enter a date', title: 'Enter a title' }, ['due'])).toEqual({
      errors: { due: { text: 'Enter a date' }, title: { text: 'Enter a title' } },
      errorList: [
        { text: 'Enter a date', href: '#due-day' },
        { text: 'Enter a title', href: '#title' },
      ],
    });
  });
});
