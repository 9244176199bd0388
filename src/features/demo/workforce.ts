// The demo authority's organisation: teams and workers, providers, homes and fostering households.
// Workers are generated users with no password (they cannot sign in); the demo sign-in accounts
// (sw.demo, tm.demo, ...) are slotted in by id where given.
import type { Ids, DemoRows } from './plan.ts';
import type { Random } from './random.ts';
import type { Postcodes } from './postcodes.ts';
import { adultFirstName, surname } from './names.ts';
import type { Role } from '../../platform/access/roles.ts';
import type { OfstedGrade } from '../../db/tables/care.ts';

export interface DemoAccountIds {
  sw?: number;
  tm?: number;
  iro?: number;
  pa?: number;
  fw?: number;
  fm?: number;
  rm?: number;
}

export interface Worker {
  id: number;
  teamId: number | null;
  /** How many children this worker should carry at most (20 for social workers). */
  cap: number;
  load: number;
}

export interface Workforce {
  socialWorkerTeams: { id: number; workers: Worker[] }[];
  iros: Worker[];
  personalAdvisers: Worker[];
  leavingCareTeamId: number;
  supervisingWorkers: Worker[];
  /** User ids whose team_id must be set on existing demo accounts: [userId, teamId]. */
  accountTeams: [number, number][];
}

const SW_REGISTERED: ReadonlySet<Role> = new Set<Role>([
  'social_worker',
  'team_manager',
  'service_manager',
  'iro',
]);

export function addUser(
  rows: DemoRows,
  ids: Ids,
  rng: Random,
  n: number,
  kind: string,
  roles: Role[],
  teamId: number | null,
): number {
  const id = ids.take('app_user');
  const first = adultFirstName(rng);
  const last = surname(rng);
  rows.app_user.push({
    id,
    username: `demo.${kind}${String(n).padStart(3, '0')}`,
    display_name: `${first} ${last}`,
    email: `${first}.${last}@example.invalid`.toLowerCase(),
    phone: `01632 ${String(960000 + (id % 1000)).padStart(6, '0')}`,
    roles,
    team_id: teamId,
    fte: rng.chance(0.15) ? 0.6 : 1,
    agency: rng.chance(0.12),
    // Social Work England registration number (the 903 SW_ID) for registered social workers.
    sw_id: roles.some((r) => SW_REGISTERED.has(r)) ? `SW${String(900000 + id)}` : null,
  });
  return id;
}

function team(rows: DemoRows, ids: Ids, name: string, service: string, cap = 20): number {
  const id = ids.take('team');
  rows.team.push({ id, name, service, caseload_cap: cap });
  return id;
}

/** Teams of 6–7 social workers (cap 20) for `children`, IROs, personal advisers, fostering. */
export function buildWorkforce(
  rows: DemoRows,
  ids: Ids,
  rng: Random,
  sizes: { children: number; careLeavers: number; households: number },
  accounts: DemoAccountIds,
): Workforce {
  const accountTeams: [number, number][] = [];
  const socialWorkers = Math.ceil(sizes.children / 17);
  const teamCount = Math.max(1, Math.round(socialWorkers / 6.5));
  const socialWorkerTeams: Workforce['socialWorkerTeams'] = [];
  let sw = 0;
  for (let t = 1; t <= teamCount; t++) {
    const teamId = team(rows, ids, `Children in care team ${t}`, 'Children in care');
    const size = Math.min(7, Math.max(1, Math.ceil((socialWorkers - sw) / (teamCount - t + 1))));
    const workers: Worker[] = [];
    if (t === 1 && accounts.tm !== undefined) accountTeams.push([accounts.tm, teamId]);
    else addUser(rows, ids, rng, t, 'tm', ['team_manager'], teamId);
    for (let i = 0; i < size; i++) {
      sw++;
      if (t === 1 && i === 0 && accounts.sw !== undefined) {
        accountTeams.push([accounts.sw, teamId]);
        workers.push({ id: accounts.sw, teamId, cap: 15, load: 0 });
      } else {
        const id = addUser(rows, ids, rng, sw, 'sw', ['social_worker'], teamId);
        workers.push({ id, teamId, cap: 20, load: 0 });
      }
    }
    socialWorkerTeams.push({ id: teamId, workers });
  }
  for (let s = 1; s <= Math.max(1, Math.round(teamCount / 4)); s++)
    addUser(rows, ids, rng, s, 'sm', ['service_manager'], null);

  const iroTeam = team(rows, ids, 'Independent reviewing service', 'Independent reviewing', 70);
  const iros: Worker[] = [];
  const iroCount = Math.ceil(sizes.children / 62);
  for (let i = 1; i <= iroCount; i++) {
    const id =
      i === 1 && accounts.iro !== undefined
        ? accounts.iro
        : addUser(rows, ids, rng, i, 'iro', ['iro'], iroTeam);
    if (id === accounts.iro) accountTeams.push([id, iroTeam]);
    iros.push({ id, teamId: iroTeam, cap: i === 1 ? 60 : 70, load: 0 });
  }

  const leavingCareTeamId = team(rows, ids, 'Leaving care (16+) team', 'Care leavers', 25);
  const personalAdvisers: Worker[] = [];
  const paCount = Math.ceil(sizes.careLeavers / 22);
  for (let i = 1; i <= paCount; i++) {
    const id =
      i === 1 && accounts.pa !== undefined
        ? accounts.pa
        : addUser(rows, ids, rng, i, 'pa', ['personal_adviser'], leavingCareTeamId);
    if (id === accounts.pa) accountTeams.push([id, leavingCareTeamId]);
    personalAdvisers.push({ id, teamId: leavingCareTeamId, cap: i === 1 ? 20 : 30, load: 0 });
  }

  const fosteringTeam = team(rows, ids, 'Fostering service', 'Fostering', 20);
  const supervisingWorkers: Worker[] = [];
  const sswCount = Math.ceil(sizes.households / 17);
  for (let i = 1; i <= sswCount; i++) {
    const id =
      i === 1 && accounts.fw !== undefined
        ? accounts.fw
        : addUser(rows, ids, rng, i, 'fw', ['fostering_worker'], fosteringTeam);
    if (id === accounts.fw) accountTeams.push([id, fosteringTeam]);
    supervisingWorkers.push({ id, teamId: fosteringTeam, cap: i === 1 ? 15 : 22, load: 0 });
  }
  const placementTeam = team(rows, ids, 'Placement finding team', 'Placements', 20);
  for (let i = 1; i <= Math.max(2, Math.round(sizes.children / 240)); i++)
    addUser(rows, ids, rng, i, 'po', ['placement_officer'], placementTeam);
  addUser(rows, ids, rng, 1, 'analyst', ['analyst'], null);
  // The fostering team's manager is the fm.demo account. None is generated without it, so a plan
  // made without accounts (the CLI, the demo's pinned tests) is the same as before the role existed.
  if (accounts.fm !== undefined) accountTeams.push([accounts.fm, fosteringTeam]);
  return {
    socialWorkerTeams,
    iros,
    personalAdvisers,
    leavingCareTeamId,
    supervisingWorkers,
    accountTeams,
  };
}

/** The least-loaded worker with room, or undefined when every one is at cap. */
export function leastLoaded(workers: Worker[]): Worker | undefined {
  let best: Worker | undefined;
  for (const w of workers) if (w.load < w.cap && (!best || w.load < best.load)) best = w;
  return best;
}

export interface Homes {
  inHouse: { id: number; postcode: string; urn: string; beds: number; used: number }[];
  private: {
    id: number;
    providerId: number;
    postcode: string;
    urn: string;
    beds: number;
    used: number;
  }[];
  inHouseProviderId: number;
  ifas: { id: number; urn: string }[];
  supportedProviders: { id: number }[];
}

const GRADES: Record<OfstedGrade, number> = {
  outstanding: 15,
  good: 60,
  requires_improvement: 18,
  inadequate: 3,
  not_inspected: 4,
};
const IN_HOUSE = [
  ['Newholme', 3, true],
  ['Hollybank Road', 3, true],
  ['Meadowlea', 3, true],
  ['Brackenhurst House', 5, false],
  ['Cliffe Lane', 4, false],
  ['Harewell Grove', 4, false],
  ['Thornbury Lodge', 4, false],
  ['Wrenfield', 5, false],
  ['Beckside', 2, false],
  ['Moorend Cottage', 4, false],
] as const;
const COMPANY_A = [
  'Kestrel',
  'Larkspur',
  'Hearthstone',
  'Evergreen',
  'Northlight',
  'Riverbend',
  'Oakleaf',
  'Stepping Stones',
  'Harbour',
  'Compass',
];
const COMPANY_B = ['Care Ltd', 'Children’s Services Ltd', 'Homes Ltd', 'Care Group'];

function urn(rng: Random, used: Set<string>, prefix = 'SC'): string {
  for (;;) {
    const u = `${prefix}${String(rng.int(900000, 999999))}`;
    if (!used.has(u)) {
      used.add(u);
      return u;
    }
  }
}

export function buildProviders(
  rows: DemoRows,
  ids: Ids,
  rng: Random,
  pc: Postcodes,
  scale: number,
  homeManager: (homeIndex: number) => number,
): Homes {
  const urns = new Set<string>();
  const inHouseProviderId = ids.take('provider');
  rows.provider.push({
    id: inHouseProviderId,
    name: 'Demo Council children’s homes',
    kind: 'in_house',
    place_provider: 'PR1',
    grade: 'good',
    postcode: pc.bradford(rng),
  });
  const homes: Homes = {
    inHouse: [],
    private: [],
    inHouseProviderId,
    ifas: [],
    supportedProviders: [],
  };
  const inHouseCount = Math.max(3, Math.round(IN_HOUSE.length * scale));
  for (let i = 0; i < inHouseCount; i++) {
    const [base, beds, specialist] = IN_HOUSE[i % IN_HOUSE.length] ?? IN_HOUSE[0];
    const name = i < IN_HOUSE.length ? base : `${base} ${Math.floor(i / IN_HOUSE.length) + 1}`;
    const id = ids.take('home');
    const postcode = pc.bradford(rng);
    const u = urn(rng, urns);
    rows.home.push({
      id,
      provider_id: inHouseProviderId,
      name,
      beds,
      postcode,
      urn: u,
      grade: i < 3 ? 'good' : rng.weighted(GRADES),
      categories: specialist
        ? ['emotional_behavioural', 'complex_needs']
        : ['emotional_behavioural'],
      specialist,
    });
    rows.home_manager.push({ home_id: id, user_id: homeManager(i) });
    homes.inHouse.push({ id, postcode, urn: u, beds, used: 0 });
  }
  const companies = Math.max(3, Math.round(22 * scale));
  for (let c = 0; c < companies; c++) {
    const providerId = ids.take('provider');
    const name = `${COMPANY_A[c % COMPANY_A.length] ?? 'Demo'} ${COMPANY_B[c % COMPANY_B.length] ?? 'Care Ltd'}${c >= COMPANY_A.length ? ` ${Math.floor(c / COMPANY_A.length) + 1}` : ''} (fictional)`;
    rows.provider.push({
      id: providerId,
      name,
      kind: 'private',
      place_provider: 'PR4',
      ofsted_urn: urn(rng, urns),
      grade: rng.weighted(GRADES),
    });
    const count = rng.int(1, 5);
    for (let h = 0; h < count; h++) {
      const id = ids.take('home');
      // Private homes: some in the district, more at a distance (the strategy's "long distance" chart).
      const postcode = pc.somewhere(rng, 0.42, 0.2);
      const u = urn(rng, urns);
      const beds = rng.int(1, 4);
      rows.home.push({
        id,
        provider_id: providerId,
        name: `${name.split(' ')[0] ?? 'Demo'} House ${h + 1}`,
        beds,
        postcode,
        urn: u,
        grade: rng.weighted(GRADES),
        categories: ['emotional_behavioural'],
      });
      homes.private.push({ id, providerId, postcode, urn: u, beds, used: 0 });
    }
  }
  for (let f = 0; f < Math.max(2, Math.round(8 * scale)); f++) {
    const id = ids.take('provider');
    const u = urn(rng, urns);
    rows.provider.push({
      id,
      name: `${COMPANY_A[(f + 3) % COMPANY_A.length] ?? 'Demo'} Fostering Agency${f >= COMPANY_A.length ? ` ${f}` : ''} (fictional)`,
      kind: 'ifa',
      place_provider: 'PR4',
      ofsted_urn: u,
      grade: rng.weighted(GRADES),
      postcode: pc.somewhere(rng, 0.5, 0.5),
    });
    homes.ifas.push({ id, urn: u });
  }
  for (let s = 0; s < Math.max(2, Math.round(5 * scale)); s++) {
    const id = ids.take('provider');
    rows.provider.push({
      id,
      name: `${COMPANY_A[(s + 6) % COMPANY_A.length] ?? 'Demo'} Supported Living${s >= COMPANY_A.length ? ` ${s}` : ''} (fictional)`,
      kind: s % 2 ? 'voluntary' : 'private',
      place_provider: s % 2 ? 'PR5' : 'PR4',
      ofsted_urn: urn(rng, urns),
      postcode: pc.bradford(rng),
    });
    homes.supportedProviders.push({ id });
  }
  return homes;
}
