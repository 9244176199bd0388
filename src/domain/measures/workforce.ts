// Social workers: caseload and changes of worker.
import { cla, within, yearTo } from './cohort.ts';
import { average, percent } from './result.ts';
import type { Measure } from './types.ts';

export const caseloadPerWorker: Measure = {
  id: 'caseload-per-worker',
  title: 'Children in care per allocated social worker',
  definition:
    'Children looked after on the date (short breaks V3/V4 excluded) who have a social worker ' +
    'allocation open on the date ÷ the number of different social workers holding those ' +
    "allocations, to one decimal place. Counts children in care only, not a worker's whole caseload.",
  source: 'Local measure (DfE children’s social work workforce: caseload)',
  unit: 'average',
  polarity: 'lower is better',
  compute(data, at) {
    const workers = new Set<number>();
    let children = 0;
    for (const c of cla(data.children, at)) {
      let any = false;
      for (const a of c.socialWorkers)
        if (a.start <= at && (a.end === null || a.end > at)) {
          workers.add(a.workerId);
          any = true;
        }
      if (any) children++;
    }
    return average(children, workers.size);
  },
};

export const socialWorkerChanges: Measure = {
  id: 'sw-changes-2plus',
  title: 'Two or more changes of social worker in the year',
  definition:
    'Of children looked after on the date (short breaks V3/V4 excluded), the percentage with two or ' +
    'more changes of social worker in the twelve months ending on the date. A change is a social ' +
    "worker allocation starting in those months that is not the child's first allocation ever; a " +
    'new allocation of the same worker is not a change.',
  source: 'Local measure (Ofsted ILACS; 903 SW_ID episodes)',
  unit: 'percent',
  polarity: 'lower is better',
  compute(data, at) {
    const w = yearTo(at);
    const cohort = cla(data.children, at);
    let n = 0;
    for (const c of cohort) {
      const sorted = [...c.socialWorkers].sort((a, b) => (a.start < b.start ? -1 : 1));
      let changes = 0;
      for (let i = 1; i < sorted.length; i++) {
        const cur = sorted[i];
        const prev = sorted[i - 1];
        if (cur && prev && within(cur.start, w) && cur.workerId !== prev.workerId) changes++;
      }
      if (changes >= 2) n++;
    }
    return percent(n, cohort.length);
  },
};
