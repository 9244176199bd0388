// Mockingbird pages: /mockingbird (constellations), /mockingbird/new, /mockingbird/:id and its forms
// (satellite household, sleepover, get-together; a closed constellation's page explains instead).
// Closing and a satellite leaving are in endingRoutes.ts.
import { Router } from 'express';
import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { todayInLondon } from '../../domain/dates/index.ts';
import { can, NotFoundError, requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { childScope, type ScopeOptions } from '../children/scope.ts';
import { handleForm, joinDate, renderForm, type Body, type FormPage } from '../fostering/forms.ts';
import { fosteringWorkers } from '../fostering/service.ts';
import { ConstellationInput, GetTogetherInput, MemberInput, SleepoverInput } from './schemas.ts';
import { readConstellation } from './constellationView.ts';
import { closedFlash, endingRoutes } from './endingRoutes.ts';
import {
  addMember,
  createConstellation,
  freeHouseholds,
  listConstellations,
  recordGetTogether,
  recordSleepover,
} from './service.ts';

const today = () => todayInLondon(new Date());

export function idParam(v: string | undefined): number {
  if (!v || !/^\d{1,9}$/.test(v)) throw new NotFoundError();
  return Number(v);
}

/** Children (in the actor's scope) placed now with the constellation's hub or satellites. */
async function constellationChildren(db: Db, actor: Actor, id: number, scope: ScopeOptions) {
  const day = today();
  const rows = await db
    .selectFrom('child')
    .innerJoin('placement as p', 'p.child_id', 'child.id')
    .select(['child.id', 'child.first_name', 'child.preferred_name', 'child.last_name'])
    .where(childScope(actor, scope))
    .where('p.start_date', '<=', day)
    .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>', day)]))
    .where(
      sql<boolean>`p.fostering_household_id in (select hub_household_id from mockingbird_constellation where id = ${id} union select household_id from mockingbird_member where constellation_id = ${id} and left_on is null)`,
    )
    .orderBy('child.last_name')
    .execute();
  return rows.map((r) => ({
    value: String(r.id),
    text: `${r.preferred_name ?? r.first_name} ${r.last_name}`,
  }));
}

export function mockingbirdRoutes(db: Db, config: Config): Router {
  const router = Router();
  const scope = { teamScope: config.teamScope };

  router.get('/mockingbird', async (req, res) => {
    const actor = actorOf(req);
    const list = await listConstellations(db, actor);
    res.render('mockingbird/views/list.njk', {
      title: 'Mockingbird constellations',
      list,
      canWrite: can(actor, 'carer:write'),
    });
  });

  const newPage = async (): Promise<FormPage> => ({
    title: 'Start a constellation',
    backHref: '/mockingbird',
    submit: 'Save constellation',
    intro: ['The hub home carer needs two spare beds for sleepovers and emergencies.'],
    fields: [
      { kind: 'text', name: 'name', label: 'Name', hint: 'For example, Keighley constellation' },
      {
        kind: 'select',
        name: 'hubHouseholdId',
        label: 'Hub home carer’s household',
        options: (await freeHouseholds(db)).map((h) => ({ value: String(h.id), text: h.name })),
      },
      {
        kind: 'select',
        name: 'liaisonWorkerId',
        label: 'Liaison worker',
        options: (await fosteringWorkers(db)).map((w) => ({ value: String(w.id), text: w.name })),
      },
      { kind: 'date', name: 'openedOn', label: 'Opened on' },
      {
        kind: 'text',
        name: 'minSatellites',
        label: 'Fewest satellite households',
        hint: 'Usually 6',
        width: 'govuk-input--width-3',
      },
      {
        kind: 'text',
        name: 'maxSatellites',
        label: 'Most satellite households',
        hint: 'Usually 10',
        width: 'govuk-input--width-3',
      },
    ],
  });
  router.get('/mockingbird/new', async (req, res) => {
    requirePermission(actorOf(req), 'carer:write');
    renderForm(res, 200, await newPage(), { minSatellites: '6', maxSatellites: '10' });
  });
  router.post('/mockingbird/new', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'carer:write');
    const body = req.body as Body;
    let id = 0;
    const ok = await handleForm(
      req,
      res,
      await newPage(),
      ConstellationInput,
      { ...body, openedOn: joinDate(body, 'openedOn') },
      async (input) => {
        id = await createConstellation(db, actor, input, today());
      },
    );
    if (ok) {
      req.session.flash = 'Constellation started';
      res.redirect(303, `/mockingbird/${String(id)}`);
    }
  });

  router.get('/mockingbird/:id', async (req, res) => {
    const actor = actorOf(req);
    const c = await readConstellation(db, actor, idParam(req.params.id), scope, today());
    res.render('mockingbird/views/constellation.njk', {
      title: c.name,
      c,
      canWrite: can(actor, 'carer:write'),
      canClose: can(actor, 'fostering:manage'),
    });
  });

  const back = (id: number) => `/mockingbird/${String(id)}`;
  const memberPage = async (id: number): Promise<FormPage> => ({
    title: 'Add a satellite household',
    backHref: back(id),
    submit: 'Add household',
    fields: [
      {
        kind: 'select',
        name: 'householdId',
        label: 'Fostering household',
        options: (await freeHouseholds(db)).map((h) => ({ value: String(h.id), text: h.name })),
      },
      { kind: 'date', name: 'joinedOn', label: 'Joined on' },
    ],
  });
  const sleepoverPage = async (actor: Actor, id: number): Promise<FormPage> => ({
    title: 'Record a sleepover at the hub home',
    backHref: back(id),
    submit: 'Save sleepover',
    fields: [
      {
        kind: 'select',
        name: 'childId',
        label: 'Child',
        options: await constellationChildren(db, actor, id, scope),
      },
      {
        kind: 'radios',
        name: 'kind',
        label: 'Kind of sleepover',
        options: [
          { value: 'planned', text: 'Planned' },
          { value: 'emergency', text: 'Emergency' },
        ],
      },
      { kind: 'date', name: 'startDate', label: 'First night' },
      { kind: 'text', name: 'nights', label: 'Nights', width: 'govuk-input--width-3' },
    ],
  });
  const getTogetherPage = (id: number): FormPage => ({
    title: 'Record a get-together',
    backHref: back(id),
    submit: 'Save get-together',
    fields: [
      { kind: 'date', name: 'heldOn', label: 'Held on' },
      {
        kind: 'text',
        name: 'households',
        label: 'Households that came',
        width: 'govuk-input--width-3',
      },
      { kind: 'text', name: 'children', label: 'Children who came', width: 'govuk-input--width-3' },
      { kind: 'textarea', name: 'note', label: 'Note (optional)' },
    ],
  });

  const forms = [
    {
      path: 'members',
      page: (_a: Actor, id: number) => memberPage(id),
      raw: (b: Body) => ({ householdId: b.householdId, joinedOn: joinDate(b, 'joinedOn') }),
      schema: MemberInput,
      save: (a: Actor, id: number, input: unknown) =>
        addMember(db, a, id, input as Parameters<typeof addMember>[3], today()),
      flash: 'Satellite household added',
    },
    {
      path: 'sleepovers',
      page: (a: Actor, id: number) => sleepoverPage(a, id),
      raw: (b: Body) => ({ ...b, startDate: joinDate(b, 'startDate') }),
      schema: SleepoverInput,
      save: (a: Actor, id: number, input: unknown) =>
        recordSleepover(db, a, id, input as Parameters<typeof recordSleepover>[3], scope, today()),
      flash: 'Sleepover recorded',
    },
    {
      path: 'get-togethers',
      page: (_a: Actor, id: number) => Promise.resolve(getTogetherPage(id)),
      raw: (b: Body) => ({ ...b, heldOn: joinDate(b, 'heldOn') }),
      schema: GetTogetherInput,
      save: (a: Actor, id: number, input: unknown) =>
        recordGetTogether(db, a, id, input as Parameters<typeof recordGetTogether>[3], today()),
      flash: 'Get-together recorded',
    },
  ] as const;
  for (const f of forms) {
    router.get(`/mockingbird/:id/${f.path}/new`, async (req, res) => {
      const actor = actorOf(req);
      requirePermission(actor, 'carer:write');
      const id = idParam(req.params.id);
      const c = await readConstellation(db, actor, id, scope, today());
      if (c.closedOn) {
        req.session.flash = closedFlash(c);
        res.redirect(303, back(id));
        return;
      }
      renderForm(res, 200, await f.page(actor, id), {});
    });
    router.post(`/mockingbird/:id/${f.path}/new`, async (req, res) => {
      const actor = actorOf(req);
      requirePermission(actor, 'carer:write');
      const id = idParam(req.params.id);
      const body = req.body as Body;
      const ok = await handleForm(
        req,
        res,
        await f.page(actor, id),
        f.schema,
        f.raw(body),
        (input) => f.save(actor, id, input),
      );
      if (ok) {
        req.session.flash = f.flash;
        res.redirect(303, back(id));
      }
    });
  }
  router.use(endingRoutes(db, scope));
  return router;
}
