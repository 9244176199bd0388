import { describe, expect, it } from 'vitest';
import type { ValidationReport } from '../../domain/returns/ssda903/engine.ts';
import { MAX_CHILDREN, MAX_FINDINGS_PER_RULE, reportView, skipReason } from './reportView.ts';

describe('skipReason', () => {
  it.each([
    ['not implemented', 'Not written yet'],
    [
      "needs the previous year's return (--prev)",
      "Need last year's files: upload them with this year's",
    ],
    [
      "needs Ofsted's children's homes and providers lists (--ofsted-homes, --ofsted-providers)",
      "Need Ofsted's lists of children's homes and providers: upload them as reference data",
    ],
    [
      'needs a postcode lookup (--postcodes)',
      'Need the ONS postcode directory: upload it as reference data',
    ],
    ['the rule could not run on this data: boom', 'The rule could not run on this data: boom'],
  ])('"%s" reads "%s"', (reason, shown) => {
    expect(skipReason(reason)).toBe(shown);
  });
});

describe('reportView', () => {
  const findings = (n: number) =>
    Array.from({ length: n }, (_v, i) => ({
      table: 'Header' as const,
      line: i + 2,
      child: `K${String(i)}`,
      fields: ['SEX'],
    }));
  // a variable, not a literal: RuleResult may carry more fields (count) than the test names
  const rule = {
    code: '101',
    message: 'Sex not valid.',
    fields: ['SEX'],
    count: 600,
    findings: findings(600),
  };
  const report: ValidationReport = {
    year: '2025/26',
    failed: [rule],
    ran: ['101'],
    skipped: [
      { code: '452', reason: 'not implemented' },
      { code: '453', reason: 'not implemented' },
    ],
    problems: [{ file: 'x.csv', message: 'is empty' }],
    timings: {},
  };

  it('cuts long lists, says how many more, links only the children given', () => {
    const v = reportView({ report, files: [], prevFiles: [] }, '380', new Map([['K1', 42]]));
    expect(v.rules[0]?.findings.length).toBe(MAX_FINDINGS_PER_RULE);
    expect(v.rules[0]?.more).toBe(600 - MAX_FINDINGS_PER_RULE);
    expect(v.children.length).toBe(MAX_CHILDREN);
    expect(v.moreChildren).toBe(100);
    expect(v.children.slice(0, 3).map((c) => [c.child, c.href])).toEqual([
      ['K0', undefined],
      ['K1', '/children/42'],
      ['K2', undefined],
    ]);
    expect([v.errors, v.childrenAffected]).toEqual([600, 600]);
    expect(v.skipped).toEqual([{ reason: 'Not written yet', codes: ['452', '453'] }]);
    expect(v.problems).toEqual([{ file: 'x.csv', message: 'Is empty' }]);
  });
});
