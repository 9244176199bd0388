import { describe, expect, it } from 'vitest';
import { parseUkDate, searchTerm } from './search.ts';

describe('parseUkDate', () => {
  it.each([
    ['27/3/2015', '2015-03-27'],
    ['27/03/2015', '2015-03-27'],
    ['27-03-2015', '2015-03-27'],
    ['27.3.15', '2015-03-27'],
    ['27 3 2015', '2015-03-27'],
    ['27 March 2015', '2015-03-27'],
    ['27th mar 2015', '2015-03-27'],
    ['1 Sept 2009', '2009-09-01'],
    ['27032015', '2015-03-27'],
    ['2015-03-27', '2015-03-27'],
    ['29/2/2016', '2016-02-29'],
    ['29/2/2015', null],
    ['31/4/2015', null],
    ['3/27/2015', null],
    ['27 Ma 2015', null],
    ['Smith', null],
    ['BFD1042', null],
  ])('%s → %s', (text, expected) => {
    expect(parseUkDate(text)).toBe(expected);
  });
});

describe('searchTerm', () => {
  it.each([
    ['', { kind: 'none' }],
    ['  ', { kind: 'none' }],
    ['1/2/2010', { kind: 'dob', date: '2010-02-01' }],
    ['Ada  Smith', { kind: 'text', text: 'Ada  Smith', words: ['ada', 'smith'] }],
    ['smith, ada', { kind: 'text', text: 'smith, ada', words: ['smith', 'ada'] }],
  ] as const)('%j', (q, expected) => {
    expect(searchTerm(q)).toEqual(expected);
  });
});
