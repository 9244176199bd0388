// Recording an extension or exemption against one due item of a child or a fostering household.
// The subject must be in the actor's scope (else "not found") and the item must be one the engine
// lists for it today; the row and its audit event are written in one transaction (nothing partial).
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { addWeeks, type IsoDate } from '../../domain/dates/index.ts';
import { dueItems, type DueItem } from '../../domain/timescales/index.ts';
import { NotFoundError, can } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { childInScope, type ScopeOptions } from '../children/scope.ts';
import type { ExtensionInput } from './extensionSchema.ts';
import { loadTimescaleInputs } from './load.ts';
import { loadCarerInputs } from './loadCarers.ts';
import { trayHouseholds } from './trays.ts';

export type Whom = { child: number } | { household: number };

export interface ExtensionTarget {
  whom: Whom;
  name: string;
  item: DueItem;
}

/** Problems with the input that need the item (field → message). */
export class ExtensionProblems extends Error {
  readonly problems: Record<string, string>;
  constructor(problems: Record<string, string>) {
    super('extension not valid');
    this.problems = problems;
  }
}

/** The item to extend, or NotFoundError when the subject is out of scope or has no such item. */
export async function extensionTarget(
  db: Db,
  actor: Actor,
  whom: Whom,
  rule: string,
  itemKey: string,
  today: IsoDate,
  opts: ScopeOptions,
): Promise<ExtensionTarget> {
  let name: string;
  let items: DueItem[];
  if ('child' in whom) {
    if (
      !can(actor, 'child:write') &&
      !can(actor, 'careleaver:write') &&
      !can(actor, 'review:write')
    )
      throw new NotFoundError();
    if (!(await childInScope(db, actor, whom.child, opts))) throw new NotFoundError();
    const [c] = await loadTimescaleInputs(db, { ids: [whom.child] });
    if (!c) throw new NotFoundError();
    name = c.name;
    items = dueItems(c.input, today);
  } else {
    const scope = trayHouseholds(actor);
    if (scope === null) throw new NotFoundError();
    const [h] = await loadCarerInputs(
      db,
      sql`(${scope}) and fostering_household.id = ${whom.household}`,
    );
    if (!h) throw new NotFoundError();
    name = h.name;
    items = dueItems(h.input, today);
  }
  const item = items.find((i) => i.rule === rule && i.item === itemKey);
  if (!item) throw new NotFoundError();
  return { whom, name, item };
}

/** Users who may authorise: team and service managers (enabled). */
export async function authorisers(db: Db): Promise<{ id: number; name: string }[]> {
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('disabled', '=', false)
    .where(sql<boolean>`roles && array['team_manager','service_manager']::text[]`)
    .orderBy('display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}

function check(target: ExtensionTarget, input: ExtensionInput, today: IsoDate, managers: number[]) {
  const p: Record<string, string> = {};
  const original = target.item.extension?.originalDue ?? target.item.due;
  if (input.authorisedOn > today)
    p.authorisedOn = 'The date it was decided must be today or in the past';
  if (!managers.includes(input.authorisedBy))
    p.authorisedBy = 'Select a team or service manager from the list';
  if (input.newDue !== null && input.newDue <= original)
    p.newDue = 'The new due date must be after the date it was due';
  if (target.item.rule === 'connected-person-approval') {
    if (input.kind !== 'extension')
      p.kind = 'Temporary approval can only be extended, not exempted';
    const end16 = original;
    if (input.newDue !== null && input.newDue > addWeeks(end16, 8))
      p.newDue = 'Temporary approval can be extended by at most 8 weeks';
    for (const [field, what] of [
      ['nominatedOfficerApproved', 'the date the nominated officer approved'],
      ['panelViewsSought', 'the date the fostering panel’s views were sought'],
      ['iroInformed', 'the date the IRO was informed'],
    ] as const) {
      const v = input[field];
      if (input.decision === 'granted' && v === null) p[field] = `Enter ${what}`;
      else if (v !== null && v > end16)
        p[field] = `This must be before the 16 weeks of temporary approval end`;
    }
  }
  if (Object.keys(p).length > 0) throw new ExtensionProblems(p);
}

/** Saves the decision; returns its id. */
export async function recordExtension(
  db: Db,
  actor: Actor,
  target: ExtensionTarget,
  input: ExtensionInput,
  today: IsoDate,
): Promise<number> {
  const managers = (await authorisers(db)).map((a) => a.id);
  check(target, input, today, managers);
  const childId = 'child' in target.whom ? target.whom.child : null;
  const householdId = 'household' in target.whom ? target.whom.household : null;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('timescale_extension')
      .values({
        child_id: childId,
        household_id: householdId,
        rule: target.item.rule,
        item_key: target.item.item,
        kind: input.kind,
        new_due_date: input.newDue,
        decision: input.decision,
        reason: input.reason,
        authorised_by: input.authorisedBy,
        authorised_on: input.authorisedOn,
        nominated_officer_approved: input.nominatedOfficerApproved,
        panel_views_sought: input.panelViewsSought,
        iro_informed: input.iroInformed,
        recorded_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, {
      action: 'create',
      recordType: 'timescale_extension',
      recordId: row.id,
      childId,
      detail: {
        householdId,
        rule: target.item.rule,
        item: target.item.item,
        decision: input.decision,
        kind: input.kind,
        originalDue: target.item.due,
        newDue: input.newDue,
      },
    });
    return row.id;
  });
}
