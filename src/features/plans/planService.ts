// The plans service: strategies, their actions, progress updates and RAG history, and CSV imports.
// Every function checks the permission first (plan:read or plan:write); every write is audited in
// the same transaction. Plans hold no child data, so panel members may read them.
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/dates/index.ts';
import { MEASURES, measureById } from '../../domain/measures/index.ts';
import { NotFoundError, requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { parsePlanCsv, type ImportProblem, type KnownUser } from './csv.ts';
import { isOverdue, type Rag } from './rag.ts';
import type {
  ActionDetail,
  ActionEdit,
  ActionFilter,
  ActionSummary,
  NewActionInput,
  StrategyDetail,
  StrategyInput,
  StrategySummary,
  UpdateInput,
} from './schemas.ts';

type Trx = Transaction<Database>;

export const CONFLICT_MESSAGE =
  'This action was changed by someone else since you opened it. Nothing you entered has been saved.';

/** Someone else saved the action after `version` was read; `current` is what is stored now. */
export class StaleAction extends Error {
  readonly current: ActionDetail;
  constructor(current: ActionDetail) {
    super(CONFLICT_MESSAGE);
    this.current = current;
  }
}

/** Input the form's own checks could not catch (unknown owner, a date after today, a taken name). */
export class PlanProblems extends Error {
  readonly problems: Record<string, string>;
  constructor(problems: Record<string, string>) {
    super(Object.values(problems).join('; '));
    this.problems = problems;
  }
}

function iso(d: unknown): string {
  return d instanceof Date ? d.toISOString() : String(d);
}

/** Users who may own an action: every account not disabled, by name. */
export async function knownUsers(db: Db | Trx): Promise<KnownUser[]> {
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name'])
    .where('disabled', '=', false)
    .orderBy('display_name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name }));
}

async function countsByStrategy(db: Db, today: IsoDate) {
  const rows = await db
    .selectFrom('plan_action')
    .select((eb) => [
      'strategy_id',
      'rag',
      eb.fn.countAll<number>().as('n'),
      sql<number>`count(*) filter (where due_date < ${today} and rag <> 'complete')`.as('overdue'),
    ])
    .groupBy(['strategy_id', 'rag'])
    .execute();
  const out = new Map<number, StrategySummary['counts']>();
  for (const r of rows) {
    const c = out.get(r.strategy_id) ?? {
      red: 0,
      amber: 0,
      green: 0,
      complete: 0,
      overdue: 0,
      total: 0,
    };
    c[r.rag] += r.n;
    c.total += r.n;
    c.overdue += r.overdue;
    out.set(r.strategy_id, c);
  }
  return out;
}

const EMPTY_COUNTS = { red: 0, amber: 0, green: 0, complete: 0, overdue: 0, total: 0 };

export async function listStrategies(
  db: Db,
  actor: Actor,
  today: IsoDate,
): Promise<StrategySummary[]> {
  requirePermission(actor, 'plan:read');
  const [rows, counts] = await Promise.all([
    db.selectFrom('plan_strategy').selectAll().orderBy('id').execute(),
    countsByStrategy(db, today),
  ]);
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
    description: s.description,
    counts: counts.get(s.id) ?? { ...EMPTY_COUNTS },
  }));
}

/** A strategy by id, or by its name (case-insensitive) when `ref` is not a number. */
export async function findStrategy(db: Db | Trx, ref: string | number) {
  const q = db.selectFrom('plan_strategy').selectAll();
  const row =
    typeof ref === 'number' || /^\d+$/.test(ref)
      ? await q.where('id', '=', Number(ref)).executeTakeFirst()
      : await q.where(sql<string>`lower(name)`, '=', ref.trim().toLowerCase()).executeTakeFirst();
  return row;
}

function actionQuery(db: Db | Trx) {
  return db
    .selectFrom('plan_action as a')
    .innerJoin('app_user as u', 'u.id', 'a.owner_id')
    .select((eb) => [
      'a.id',
      'a.strategy_id',
      'a.theme',
      'a.title',
      'a.owner_id',
      'u.display_name as owner_name',
      'a.due_date',
      'a.rag',
      'a.measure_ids',
      'a.version',
      eb
        .selectFrom('plan_update as pu')
        .whereRef('pu.action_id', '=', 'a.id')
        .select((e) => e.fn.max('pu.update_date').as('d'))
        .as('last_update'),
    ]);
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof actionQuery>['execute']>>[number];

function summary(r: ActionRow, today: IsoDate): ActionSummary {
  return {
    id: r.id,
    strategyId: r.strategy_id,
    theme: r.theme,
    title: r.title,
    owner: { id: r.owner_id, name: r.owner_name },
    dueDate: r.due_date,
    rag: r.rag,
    overdue: isOverdue({ dueDate: r.due_date, rag: r.rag }, today),
    measureIds: r.measure_ids,
    version: r.version,
    lastUpdate: r.last_update ?? null,
  };
}

export async function getStrategy(
  db: Db,
  actor: Actor,
  id: number,
  filter: ActionFilter,
  today: IsoDate,
): Promise<StrategyDetail> {
  requirePermission(actor, 'plan:read');
  const s = await findStrategy(db, id);
  if (!s) throw new NotFoundError();
  let q = actionQuery(db).where('a.strategy_id', '=', id);
  if (filter.rag) q = q.where('a.rag', '=', filter.rag);
  if (filter.owner) q = q.where('a.owner_id', '=', filter.owner);
  if (filter.overdue === 'yes')
    q = q.where('a.due_date', '<', today).where('a.rag', '<>', 'complete');
  if (filter.overdue === 'no')
    q = q.where((eb) =>
      eb.or([
        eb('a.due_date', 'is', null),
        eb('a.due_date', '>=', today),
        eb('a.rag', '=', 'complete'),
      ]),
    );
  const [rows, owners, counts] = await Promise.all([
    q.orderBy('a.id').execute(),
    db
      .selectFrom('plan_action as a')
      .innerJoin('app_user as u', 'u.id', 'a.owner_id')
      .where('a.strategy_id', '=', id)
      .select(['u.id', 'u.display_name as name'])
      .distinct()
      .orderBy('name')
      .execute(),
    countsByStrategy(db, today),
  ]);
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    description: s.description,
    counts: counts.get(s.id) ?? { ...EMPTY_COUNTS },
    actions: rows.map((r) => summary(r, today)),
    owners,
  };
}

async function loadAction(db: Db | Trx, id: number, today: IsoDate): Promise<ActionDetail> {
  const r = await actionQuery(db).where('a.id', '=', id).executeTakeFirst();
  if (!r) throw new NotFoundError();
  const [strategy, updates, history] = await Promise.all([
    db
      .selectFrom('plan_strategy')
      .select('name')
      .where('id', '=', r.strategy_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('plan_update as pu')
      .select(['pu.id', 'pu.update_date', 'pu.text', 'pu.author_name as display_name'])
      .where('pu.action_id', '=', id)
      .orderBy('pu.update_date', 'desc')
      .orderBy('pu.id', 'desc')
      .execute(),
    db
      .selectFrom('plan_rag_change as c')
      .select([
        'c.effective_date',
        'c.from_rag',
        'c.to_rag',
        'c.changed_by_name as display_name',
        'c.changed_at',
      ])
      .where('c.action_id', '=', id)
      .orderBy('c.effective_date', 'desc')
      .orderBy('c.id', 'desc')
      .execute(),
  ]);
  return {
    ...summary(r, today),
    strategyName: strategy.name,
    measures: r.measure_ids.map((m) => ({ id: m, title: measureById(m)?.title ?? m })),
    updates: updates.map((u) => ({
      id: u.id,
      date: u.update_date,
      text: u.text,
      author: u.display_name,
    })),
    history: history.map((h) => ({
      date: h.effective_date,
      from: h.from_rag,
      to: h.to_rag,
      by: h.display_name,
      recordedAt: iso(h.changed_at),
    })),
  };
}

export async function getAction(
  db: Db,
  actor: Actor,
  id: number,
  today: IsoDate,
): Promise<ActionDetail> {
  requirePermission(actor, 'plan:read');
  return loadAction(db, id, today);
}

async function checkOwner(trx: Trx, ownerId: number): Promise<void> {
  const u = await trx
    .selectFrom('app_user')
    .select('id')
    .where('id', '=', ownerId)
    .where('disabled', '=', false)
    .executeTakeFirst();
  if (!u) throw new PlanProblems({ ownerId: 'Select the owner from the list of users' });
}

export async function createStrategy(db: Db, actor: Actor, input: StrategyInput): Promise<number> {
  requirePermission(actor, 'plan:write');
  return db.transaction().execute(async (trx) => {
    if (await findStrategy(trx, input.name))
      throw new PlanProblems({ name: 'A plan with this name already exists: choose another name' });
    const row = await trx
      .insertInto('plan_strategy')
      .values({ name: input.name, kind: input.kind, description: input.description })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, {
      action: 'create',
      recordType: 'plan_strategy',
      recordId: row.id,
      detail: { name: input.name },
    });
    return row.id;
  });
}

async function insertAction(
  trx: Trx,
  actor: Actor,
  strategyId: number,
  a: {
    theme: string;
    title: string;
    ownerId: number;
    due: IsoDate | null;
    rag: Rag;
    measureIds: string[];
  },
  ragDate: IsoDate,
): Promise<number> {
  const row = await trx
    .insertInto('plan_action')
    .values({
      strategy_id: strategyId,
      theme: a.theme,
      title: a.title,
      owner_id: a.ownerId,
      due_date: a.due,
      rag: a.rag,
      measure_ids: a.measureIds,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('plan_rag_change')
    .values({
      action_id: row.id,
      effective_date: ragDate,
      from_rag: null,
      to_rag: a.rag,
      changed_by: actor.system ? null : actor.userId,
      changed_by_name: actor.displayName,
    })
    .execute();
  return row.id;
}

export async function createAction(
  db: Db,
  actor: Actor,
  strategyId: number,
  input: NewActionInput,
  today: IsoDate,
): Promise<number> {
  requirePermission(actor, 'plan:write');
  return db.transaction().execute(async (trx) => {
    if (!(await findStrategy(trx, strategyId))) throw new NotFoundError();
    await checkOwner(trx, input.ownerId);
    const id = await insertAction(trx, actor, strategyId, { ...input, due: input.dueDate }, today);
    await audit(trx, actor, {
      action: 'create',
      recordType: 'plan_action',
      recordId: id,
      detail: { strategyId, rag: input.rag },
    });
    return id;
  });
}

/** Locks the action's row and checks the version read with the form is still the stored one. */
async function lockAction(trx: Trx, id: number, version: number, today: IsoDate) {
  const row = await trx
    .selectFrom('plan_action')
    .select(['id', 'version', 'rag'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  if (row.version !== version) throw new StaleAction(await loadAction(trx, id, today));
  return row;
}

export async function editAction(
  db: Db,
  actor: Actor,
  id: number,
  input: ActionEdit,
  today: IsoDate,
): Promise<void> {
  requirePermission(actor, 'plan:write');
  await db.transaction().execute(async (trx) => {
    await lockAction(trx, id, input.version, today);
    await checkOwner(trx, input.ownerId);
    await trx
      .updateTable('plan_action')
      .set({
        theme: input.theme,
        title: input.title,
        owner_id: input.ownerId,
        due_date: input.dueDate,
        measure_ids: input.measureIds,
        version: input.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .execute();
    await audit(trx, actor, {
      action: 'update',
      recordType: 'plan_action',
      recordId: id,
      detail: { ownerId: input.ownerId, dueDate: input.dueDate },
    });
  });
}

/** A dated progress update; a new RAG is recorded in the history, effective on the update's date. */
export async function addUpdate(
  db: Db,
  actor: Actor,
  id: number,
  input: UpdateInput,
  today: IsoDate,
): Promise<void> {
  requirePermission(actor, 'plan:write');
  if (input.date > today)
    throw new PlanProblems({ date: 'The date of the update must be today or in the past' });
  await db.transaction().execute(async (trx) => {
    const row = await lockAction(trx, id, input.version, today);
    await trx
      .insertInto('plan_update')
      .values({
        action_id: id,
        update_date: input.date,
        text: input.text,
        author_id: actor.system ? null : actor.userId,
        author_name: actor.displayName,
      })
      .execute();
    if (row.rag !== input.rag)
      await trx
        .insertInto('plan_rag_change')
        .values({
          action_id: id,
          effective_date: input.date,
          from_rag: row.rag,
          to_rag: input.rag,
          changed_by: actor.system ? null : actor.userId,
          changed_by_name: actor.displayName,
        })
        .execute();
    await trx
      .updateTable('plan_action')
      .set({ rag: input.rag, version: input.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .execute();
    await audit(trx, actor, {
      action: 'update',
      recordType: 'plan_action',
      recordId: id,
      detail: { update: input.date, from: row.rag, to: input.rag },
    });
  });
}

export type ImportOutcome = { ok: true; count: number } | { ok: false; problems: ImportProblem[] };

/** Adds every row of a CSV action plan to a strategy, or nothing when any row is wrong. */
export async function importActions(
  db: Db,
  actor: Actor,
  strategyId: number,
  file: string,
  bytes: Uint8Array,
  today: IsoDate,
): Promise<ImportOutcome> {
  requirePermission(actor, 'plan:write');
  return db.transaction().execute(async (trx) => {
    if (!(await findStrategy(trx, strategyId))) throw new NotFoundError();
    const parsed = parsePlanCsv(file, bytes, {
      users: await knownUsers(trx),
      measureIds: new Set(MEASURES.map((m) => m.id)),
      today,
    });
    if (!parsed.ok) return parsed;
    for (const r of parsed.rows) {
      const id = await insertAction(trx, actor, strategyId, r, r.update?.date ?? today);
      if (r.update)
        await trx
          .insertInto('plan_update')
          .values({
            action_id: id,
            update_date: r.update.date,
            text: r.update.text,
            author_id: actor.system ? null : actor.userId,
            author_name: actor.displayName,
          })
          .execute();
    }
    await audit(trx, actor, {
      action: 'import',
      recordType: 'plan_strategy',
      recordId: strategyId,
      detail: { file, actions: parsed.rows.length },
    });
    return { ok: true, count: parsed.rows.length };
  });
}
