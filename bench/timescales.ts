// Statutory timescales. `npm run bench -- timescales [N]`: the pure engine over N generated
// children (default 100,000). `npm run bench -- timescales --db [--scale N] [--repeats R]`: the demo
// authority on PostgreSQL (BENCH_DATABASE_URL; a fresh database is created and dropped): load and
// compute every due item, then the tray pages' medians (bench/timescales/authority.ts).
import { addDays, addMonths, addWeeks } from '../src/domain/dates/index.ts';
import { dueItems, type ChildTimescaleInput } from '../src/domain/timescales/index.ts';
import { arg } from './lib/db.ts';
import { runAuthority } from './timescales/authority.ts';

export const description =
  'Statutory due items: pure engine for N children, or --db [--scale N] on PostgreSQL with tray pages';

function generate(i: number): ChildTimescaleInput {
  const start = addDays('2019-01-07', (i * 37) % 2500);
  const dob = addDays(start, -((i * 131) % 6200) - 30);
  const reviews = [addDays(start, 18)];
  for (let r = 1; r < i % 9; r++) reviews.push(addMonths(reviews[0] ?? start, r * 5));
  const visits = [];
  for (let v = 0; v < i % 30; v++)
    visits.push({ date: addWeeks(start, v * 5 + 1), seen: true, seenAlone: v % 2 === 0 });
  return {
    kind: 'child',
    childId: `C${i}`,
    dateOfBirth: dob,
    periods: [{ id: 1, start, end: null, endReason: null }],
    legalStatuses: [{ id: 1, periodOfCareId: 1, status: 'C2', start, end: null }],
    placements: [
      {
        id: 1,
        periodOfCareId: 1,
        placeType: 'U4',
        provider: 'PR1',
        postcode: null,
        urn: null,
        start,
        end: null,
        reasonForChange: null,
        categoryOfNeed: 'N1',
      },
    ],
    placementFlags: [
      {
        placementId: 1,
        intendedToLastTo18: i % 3 === 0,
        longTermFosterDesignated: null,
        visitAgreements: [],
        connectedPersonReg24: i % 17 === 0,
      },
    ],
    reviews: reviews.map((date) => ({ date })),
    visits,
    healthAssessments: [
      { kind: 'initial', date: addDays(start, 15) },
      { kind: 'review', date: addMonths(start, 12) },
    ],
    sdqs: i % 2 ? [{ date: addMonths(start, 13) }] : [],
    peps: [
      { kind: 'started', date: addDays(start, 5) },
      { kind: 'reviewed', date: addMonths(start, 4) },
    ],
    missingEpisodes:
      i % 11 === 0
        ? [
            {
              id: 1,
              start: addDays(start, 40),
              returned: addDays(start, 41),
              interviewOffered: null,
            },
          ]
        : [],
    careLeaver: null,
    careProceedings: i % 5 === 0 ? [{ id: 1, issued: addDays(start, -10), concluded: null }] : [],
    extensions: [],
  };
}

export async function run(args: string[]): Promise<void> {
  if (args.includes('--db')) {
    await runAuthority(Number(arg(args, '--scale', '1')), Number(arg(args, '--repeats', '3')));
    return;
  }
  const n = Number(args[0] ?? 100_000);
  const t0 = performance.now();
  const children = Array.from({ length: n }, (_, i) => generate(i));
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  let items = 0;
  let overdue = 0;
  for (const c of children) {
    for (const item of dueItems(c, '2026-11-22')) {
      items++;
      if (item.status === 'overdue') overdue++;
    }
  }
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  await Promise.resolve();
  console.log(
    `timescales: ${n} children, ${items} items (${overdue} overdue); generate ${(t1 - t0).toFixed(0)} ms, ` +
      `dueItems ${(t2 - t1).toFixed(0)} ms (${(((t2 - t1) / n) * 1000).toFixed(1)} µs per child; CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, ${((cpu.user + cpu.system) / n).toFixed(1)} µs per child)`,
  );
}
