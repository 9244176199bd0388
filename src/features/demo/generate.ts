// The demo authority: a deterministic, clearly fictional children's services shaped like the
// Bradford papers in the seeds (docs/demo-data.md gives the shapes and the generated figures).
// generateDemo builds every row in memory; writeDemo (write.ts) inserts them in batches.
import { fromDayNumber as iso, toDayNumber } from '../../domain/dates/isoDate.ts';
import { emptyRows, Ids, type DemoRows, type DemoTable } from './plan.ts';
import { Random } from './random.ts';
import { Postcodes } from './postcodes.ts';
import { simulate } from './history.ts';
import {
  addUser,
  buildProviders,
  buildWorkforce,
  leastLoaded,
  type DemoAccountIds,
} from './workforce.ts';
import { buildChildRecords, type Household } from './record.ts';
import { adultFirstName, surname } from './names.ts';

export interface DemoOptions {
  /** Multiplies children, households, workers and homes. 1 is about Bradford. */
  scale: number;
  seed: number;
  /** 'YYYY-MM-DD': the history ends here. */
  today: string;
  /** Years of history (entries and exits) before today. */
  years?: number;
  laCode?: string;
  /** Ids of the demo sign-in accounts to attach (sw.demo, tm.demo, ...), where they exist. */
  accounts?: DemoAccountIds;
  /** First free id per table. */
  firstIds?: Partial<Record<DemoTable, number>>;
}

export interface DemoPlan {
  rows: DemoRows;
  /** [userId, teamId] for existing demo accounts to move into their demo teams. */
  accountTeams: [number, number][];
}

export function generateDemo(opts: DemoOptions): DemoPlan {
  const rng = new Random(opts.seed);
  const pc = Postcodes.load();
  const rows = emptyRows();
  const ids = new Ids(opts.firstIds);
  const today = toDayNumber(opts.today);
  const years = opts.years ?? 6;
  const s = opts.scale;
  const sims = simulate(rng, {
    today,
    years,
    scale: s,
    entrantsPerMonth: 44,
    leaversPerMonth: 32,
    initialStock: Math.round(640 * s),
  });
  const inCareNow = sims.filter((c) => c.periods.some((p) => p.end === null)).length;
  const careLeavers = sims.filter((c) => {
    const last = c.periods[c.periods.length - 1];
    return last?.end != null && ['E5', 'E6', 'E8', 'E17', 'E7'].includes(last.reason ?? '');
  }).length;
  const mainstreamCount = Math.round(470 * s);
  const connectedEstimate = Math.round(inCareNow * 0.33);
  const workforce = buildWorkforce(
    rows,
    ids,
    rng,
    {
      children: inCareNow,
      careLeavers: careLeavers + inCareNow * 0.08,
      households: mainstreamCount + connectedEstimate,
    },
    opts.accounts ?? {},
  );
  let rmCount = 0;
  const homes = buildProviders(rows, ids, rng, pc, s, (i) =>
    i === 0 && opts.accounts?.rm !== undefined
      ? opts.accounts.rm
      : addUser(rows, ids, rng, ++rmCount, 'rm', ['residential_manager'], null),
  );
  const councilFosteringUrn = 'SC999001';

  const addCarers = (householdId: number, last: string): void => {
    const two = rng.chance(0.62);
    for (let k = 0; k < (two ? 2 : 1); k++)
      rows.carer.push({
        id: ids.take('carer'),
        household_id: householdId,
        first_name: adultFirstName(rng),
        last_name: last,
        date_of_birth: iso(today - rng.int(26 * 365, 68 * 365)),
        main_carer: k === 0,
      });
  };
  const supervisor = (): number | null => {
    const w = leastLoaded(workforce.supervisingWorkers);
    if (!w) return null;
    w.load++;
    return w.id;
  };
  // Mainstream and short-breaks households of the council's fostering service.
  const mainstream: Household[] = [];
  for (let i = 0; i < mainstreamCount; i++) {
    const id = ids.take('fostering_household');
    const status = rng.weighted({ approved: 88, on_hold: 4, assessment: 4, resigned: 4 });
    const type = rng.chance(0.08) ? 'short_breaks' : 'mainstream';
    const n =
      type === 'short_breaks' ? 1 : Number(rng.weighted({ '1': 30, '2': 40, '3': 22, '4': 8 }));
    const postcode = pc.somewhere(rng, 0.98, 0.02);
    const last = surname(rng);
    const approved = status === 'approved' || status === 'on_hold';
    const ageMin = rng.pick([0, 0, 0, 5, 11]);
    rows.fostering_household.push({
      id,
      name: `${last} household`,
      approval_type: type,
      status,
      approved_places: status === 'assessment' ? 0 : n,
      age_min: ageMin,
      age_max: ageMin === 11 ? 17 : rng.pick([11, 17, 17]),
      skills_level:
        status === 'assessment'
          ? null
          : Number(rng.weighted({ '1': 25, '2': 40, '3': 27, '4': 8 })),
      postcode,
      supervising_worker_id: status === 'resigned' ? null : supervisor(),
      approval_date: approved || status === 'resigned' ? iso(today - rng.int(60, 15 * 365)) : null,
      last_review_date: approved ? iso(today - rng.int(0, 420)) : null,
    });
    addCarers(id, last);
    if (approved && type === 'mainstream')
      mainstream.push({ id, places: n, used: 0, postcode, approved: status === 'approved' });
  }
  const newHousehold = (
    _kind: 'connected',
    postcode: string,
    start: number,
    open: boolean,
  ): Household => {
    const id = ids.take('fostering_household');
    const last = surname(rng);
    const reg24 = open && today - start < 16 * 7 + rng.int(0, 40);
    const status = open ? (reg24 ? 'reg24' : 'approved') : 'deregistered';
    rows.fostering_household.push({
      id,
      name: `${last} family (connected)`,
      approval_type: 'connected',
      status,
      approved_places: rng.int(1, 3),
      age_min: 0,
      age_max: 17,
      skills_level: 1,
      postcode,
      supervising_worker_id: open ? supervisor() : null,
      approval_date: status === 'reg24' ? null : iso(Math.min(today, start + rng.int(80, 170))),
      reg24_start: iso(start),
      last_review_date: status === 'approved' ? iso(today - rng.int(0, 400)) : null,
    });
    addCarers(id, last);
    return { id, places: 3, used: 0, postcode, approved: status !== 'reg24' };
  };

  buildChildRecords(
    {
      rows,
      ids,
      rng,
      pc,
      today,
      windowStart: today - Math.round(years * 365.25),
      homes,
      workforce,
      mainstream,
      councilFosteringUrn,
      newHousehold,
      laCode: opts.laCode ?? '380',
    },
    sims,
  );
  return { rows, accountTeams: workforce.accountTeams };
}
