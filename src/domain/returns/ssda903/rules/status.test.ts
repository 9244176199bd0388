// No DfE rule in force in a supported collection year is left without an implementation.
import { describe, expect, it } from 'vitest';
import { ruleStatuses } from '../engine.ts';

describe('903 rule coverage', () => {
  it.each(['2023/24', '2024/25', '2025/26'] as const)(
    'every DfE rule in force in %s is implemented',
    (year) => {
      const statuses = ruleStatuses(year);
      expect(statuses.filter((s) => s.status === 'not implemented').map((s) => s.code)).toEqual([]);
      expect(statuses.filter((s) => s.status === 'implemented').length).toBeGreaterThan(250);
    },
  );

  it('the DoLo rules 700–710 are not applicable before 2026/27', () => {
    const s = ruleStatuses('2025/26').filter((r) => /^7\d\d$/.test(r.code));
    expect(s.map((r) => `${r.code} ${r.status}`)).toEqual(
      ['700', '701', '702', '703', '704', '705', '706', '707', '708', '709', '710'].map(
        (c) => `${c} not applicable`,
      ),
    );
  });
});
