import { describe, expect, it } from 'vitest';
import { dueItems } from '../engine.ts';
import type { ConnectedPersonApproval } from '../inputs.ts';
import { carer } from '../testInput.ts';

const steps = {
  nominatedOfficerApproved: '2026-04-20',
  fosteringPanelViewsSought: '2026-04-15',
  iroInformed: '2026-04-16',
};
const ext = (over: Partial<NonNullable<ConnectedPersonApproval['extension']>>) => ({
  until: '2026-06-22',
  ...steps,
  reason: 'Assessment incomplete',
  authorisedBy: 'Nominated officer A. Khan',
  ...over,
});
const cp = (over: Partial<ConnectedPersonApproval>): ConnectedPersonApproval => ({
  childId: 'C1',
  temporaryApproval: '2026-01-05',
  extension: null,
  fullApproval: null,
  placementEnded: null,
  ...over,
});

describe('connected-person temporary approval', () => {
  it.each([
    ['16 weeks, nearly up', cp({}), '2026-04-20', '2026-04-27', 'due', undefined],
    ['expired: the placement must end', cp({}), '2026-04-28', '2026-04-27', 'overdue', undefined],
    [
      'fully approved in time',
      cp({ fullApproval: '2026-04-10' }),
      '2026-04-28',
      '2026-04-27',
      'done',
      undefined,
    ],
    [
      'extended 8 weeks with all three steps',
      cp({ extension: ext({}) }),
      '2026-04-28',
      '2026-06-22',
      'upcoming',
      undefined,
    ],
    [
      'extension without the IRO informed',
      cp({ extension: ext({ iroInformed: null }) }),
      '2026-04-28',
      '2026-04-27',
      'overdue',
      'Extension not applied: IRO informed not recorded',
    ],
    [
      'extension beyond 8 weeks',
      cp({ extension: ext({ until: '2026-06-29' }) }),
      '2026-04-28',
      '2026-04-27',
      'overdue',
      'Extension not applied: extends beyond 8 weeks (to 29 June 2026)',
    ],
    [
      'panel views sought after expiry',
      cp({ extension: ext({ fosteringPanelViewsSought: '2026-04-28' }) }),
      '2026-04-28',
      '2026-04-27',
      'overdue',
      "Extension not applied: fostering panel's views after the 16 weeks ended",
    ],
  ])('%s', (_why, approval, today, due, status, notApplied) => {
    const [item] = dueItems(carer({ carerId: 'F7', connectedPerson: [approval] }), today);
    expect(item).toMatchObject({
      rule: 'connected-person-approval',
      whom: { type: 'carer', id: 'F7' },
      due,
      status,
    });
    expect(item?.extensionNotApplied).toBe(notApplied);
    if (status === 'overdue')
      expect(item?.what).toBe(
        'Temporary approval has expired without full approval: the placement must end',
      );
  });

  it('a general extension cannot stretch the clock (only the reg 25 record can)', () => {
    const input = carer({
      connectedPerson: [cp({})],
      extensions: [
        {
          rule: 'connected-person-approval',
          item: 'child-C1/2026-01-05',
          decision: 'granted',
          newDue: '2026-09-01',
          reason: 'x',
          authorisedBy: 'y',
          date: '2026-04-01',
        },
      ],
    });
    expect(dueItems(input, '2026-04-28')[0]?.due).toBe('2026-04-27');
  });

  it('a placement that ended before approval stops the clock', () => {
    expect(
      dueItems(carer({ connectedPerson: [cp({ placementEnded: '2026-03-01' })] }), '2026-04-28'),
    ).toEqual([]);
  });
});
