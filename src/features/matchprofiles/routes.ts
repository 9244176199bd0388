// Placement option pages: /placement-options (every option matching considers, filtered by kind and
// "not recorded", 50 a page) and /placement-options/:key (the option's languages and religions, and
// the form to change them for people who may). Errors re-render with the GOV.UK error summary; a
// stale version re-renders 409 with what is stored and nothing saved.
import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { todayInLondon } from '../../domain/dates/index.ts';
import { ForbiddenError } from '../../platform/access/access.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { asArray, formErrors } from '../../platform/http/forms.ts';
import { keptParams, pagination } from '../children/paging.ts';
import { requireAny } from '../recording/childLock.ts';
import { CONFLICT_MESSAGE, StaleVersion } from '../recording/problems.ts';
import { keyOr404 } from './keys.ts';
import {
  listOptions,
  OPTIONS_PAGE_SIZE,
  READERS,
  readOption,
  saveProfile,
} from './optionService.ts';
import {
  LIST_KINDS,
  MAX_ENTRIES,
  OptionsQuery,
  ProfileInput,
  type PlacementOption,
} from './schemas.ts';

type Body = Record<string, unknown>;
type Errors = Record<string, { text: string }>;
const FIELDS = ['languages', 'religions'] as const;
type Field = (typeof FIELDS)[number];

/** The id of the n-th box (0-based) of a field: languages-1 … languages-5. */
const boxId = (field: Field, n: number) => `${field}-${String(n + 1)}`;

/** The boxes as typed (always MAX_ENTRIES), and which box each filled entry came from. */
function boxes(body: Body, field: Field): { typed: string[]; filled: string[]; from: number[] } {
  const typed = asArray(body[field]).slice(0, MAX_ENTRIES);
  while (typed.length < MAX_ENTRIES) typed.push('');
  const from: number[] = [];
  typed.forEach((v, i) => {
    if (v.trim() !== '') from.push(i);
  });
  return { typed, filled: from.map((i) => typed[i] ?? ''), from };
}

/** zod issues on the filled entries as errors on the boxes they were typed in. */
function boxErrors(error: z.ZodError, from: Record<Field, number[]>) {
  const errors: Errors = {};
  const errorList: { text: string; href: string }[] = [];
  for (const issue of error.issues) {
    const [field, index] = issue.path;
    const f = FIELDS.find((x) => x === field);
    const id = f ? boxId(f, typeof index === 'number' ? (from[f][index] ?? 0) : 0) : 'languages-1';
    if (errors[id]) continue;
    errors[id] = { text: issue.message };
    errorList.push({ text: issue.message, href: `#${id}` });
  }
  return { errors, errorList };
}

const valuesOf = (o: PlacementOption): Record<Field, string[]> => ({
  languages: o.languages ?? [],
  religions: o.religions ?? [],
});

export function matchProfileRoutes(db: Db): Router {
  const router = Router();

  router.get('/placement-options', async (req, res) => {
    const actor = actorOf(req);
    const raw = req.query as Record<string, string | undefined>;
    const parsed = OptionsQuery.safeParse(raw);
    const view = {
      title: 'Placement options',
      values: raw,
      kindItems: [{ value: '', text: 'Any kind', selected: false }].concat(
        Object.entries(LIST_KINDS).map(([value, text]) => ({
          value,
          text,
          selected: value === raw.kind,
        })),
      ),
    };
    if (!parsed.success) {
      requireAny(actor, READERS);
      res.status(400).render('matchprofiles/views/list.njk', {
        ...view,
        ...formErrors(parsed.error),
      });
      return;
    }
    const result = await listOptions(db, actor, parsed.data, todayInLondon(new Date()));
    res.render('matchprofiles/views/list.njk', {
      ...view,
      errors: {},
      result,
      pagination: pagination(
        result.page,
        OPTIONS_PAGE_SIZE,
        result.total,
        keptParams(raw),
        '/placement-options',
      ),
    });
  });

  const render = (
    res: Response,
    status: number,
    option: PlacementOption,
    typed: Record<Field, string[]>,
    o: { errors?: Errors; errorList?: { text: string; href: string }[]; conflict?: boolean } = {},
  ) => {
    const pad = (v: string[]) =>
      [...v, ...Array<string>(MAX_ENTRIES).fill('')].slice(0, MAX_ENTRIES);
    res.status(status).render('matchprofiles/views/option.njk', {
      title: option.name,
      option,
      boxes: Object.fromEntries(
        FIELDS.map((f) => [
          f,
          pad(typed[f]).map((value, i) => ({ id: boxId(f, i), n: i + 1, value })),
        ]),
      ),
      errors: o.errors ?? {},
      errorList: o.errorList?.length ? o.errorList : undefined,
      conflict: o.conflict ?? false,
      conflictMessage: CONFLICT_MESSAGE,
    });
  };

  router.get('/placement-options/:key', async (req, res) => {
    const option = await readOption(db, actorOf(req), keyOr404(req.params.key));
    render(res, 200, option, valuesOf(option));
  });

  router.post('/placement-options/:key', async (req: Request, res) => {
    const actor = actorOf(req);
    const option = await readOption(db, actor, keyOr404(req.params.key));
    if (!option.canChange) throw new ForbiddenError();
    const body = req.body as Body;
    const langs = boxes(body, 'languages');
    const religions = boxes(body, 'religions');
    const typed = { languages: langs.typed, religions: religions.typed };
    const parsed = ProfileInput.safeParse({
      version:
        typeof body.version === 'string' && /^\d{1,9}$/.test(body.version)
          ? Number(body.version)
          : undefined,
      languages: langs.filled,
      religions: religions.filled,
    });
    if (!parsed.success) {
      const e = boxErrors(parsed.error, { languages: langs.from, religions: religions.from });
      render(res, 400, option, typed, e);
      return;
    }
    try {
      const saved = await saveProfile(db, actor, keyOr404(req.params.key), parsed.data);
      req.session.flash = `The languages and religions of ${saved.name} have been saved`;
      res.redirect(303, `/placement-options/${saved.key}`);
    } catch (err) {
      if (err instanceof StaleVersion) {
        const current = err.current as PlacementOption;
        render(res, 409, current, valuesOf(current), { conflict: true });
        return;
      }
      throw err;
    }
  });

  return router;
}
