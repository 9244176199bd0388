// A due item and how its status is worked out: one place for "done / due / overdue / upcoming" and
// for applying recorded extensions and exemptions.
import { addDays, type IsoDate } from '../dates/index.ts';
import type { Extension } from './inputs.ts';
import { type RuleId, sourceOf } from './sources.ts';

export type DueStatus = 'done' | 'due' | 'overdue' | 'upcoming';

/** Items falling due within this many days (inclusive of today) are "due". */
export const DUE_WINDOW_DAYS = 14;

export interface Whom {
  type: 'child' | 'carer';
  id: string;
}

export interface AppliedExtension {
  kind: 'extension' | 'exemption';
  /** The due date before the extension. */
  originalDue: IsoDate;
  reason: string;
  authorisedBy: string;
  date: IsoDate;
}

export interface DueItem {
  rule: RuleId;
  /** Stable key of this item within the rule, for recording extensions against it. */
  item: string;
  what: string;
  whom: Whom;
  due: IsoDate;
  status: DueStatus;
  /** When it was satisfied (done items; absent for an exemption). */
  doneOn?: IsoDate;
  /** Done, but after the due date. */
  late?: boolean;
  basis: string;
  source: string;
  extension?: AppliedExtension;
  /** A recorded extension that was not applied, and why. */
  extensionNotApplied?: string;
}

/** What a rule produces before status and extensions are worked out. */
export interface Draft {
  rule: RuleId;
  item: string;
  what: string;
  whom: Whom;
  due: IsoDate;
  doneOn: IsoDate | null;
  basis: string;
  extension?: AppliedExtension;
  extensionNotApplied?: string;
}

export function statusOn(
  due: IsoDate,
  doneOn: IsoDate | null | undefined,
  today: IsoDate,
  windowEnd: IsoDate = addDays(today, DUE_WINDOW_DAYS),
): DueStatus {
  if (doneOn) return 'done';
  // ISO dates order as strings: no parsing per item.
  if (due < today) return 'overdue';
  return due <= windowEnd ? 'due' : 'upcoming';
}

function valid(e: Extension): boolean {
  return e.decision === 'granted' && e.reason.trim() !== '' && e.authorisedBy.trim() !== '';
}

/** Applies the latest granted, reasoned and authorised extension for the draft's rule and item. */
export function applyExtensions(draft: Draft, extensions: readonly Extension[]): Draft {
  let chosen: Extension | undefined;
  let refused: Extension | undefined;
  for (const e of extensions) {
    if (e.rule !== draft.rule || e.item !== draft.item) continue;
    // A connected-person extension is made only through the approval record (reg 25 steps).
    if (e.rule === 'connected-person-approval') continue;
    if (valid(e)) {
      if (!chosen || e.date >= chosen.date) chosen = e;
    } else refused = e;
  }
  if (!chosen) {
    if (!refused) return draft;
    const why =
      refused.decision === 'refused'
        ? `Extension refused by ${refused.authorisedBy || 'unknown'} on ${refused.date}`
        : 'Extension recorded without a reason or an authoriser, so not applied';
    return { ...draft, extensionNotApplied: why };
  }
  const applied: AppliedExtension = {
    kind: chosen.newDue ? 'extension' : 'exemption',
    originalDue: draft.due,
    reason: chosen.reason,
    authorisedBy: chosen.authorisedBy,
    date: chosen.date,
  };
  return { ...draft, due: chosen.newDue ?? draft.due, extension: applied };
}

export function finish(
  draft: Draft,
  today: IsoDate,
  extensions: readonly Extension[],
  windowEnd: IsoDate = addDays(today, DUE_WINDOW_DAYS),
): DueItem {
  const d = extensions.length === 0 ? draft : applyExtensions(draft, extensions);
  const exempt = d.extension?.kind === 'exemption';
  const item: DueItem = {
    rule: d.rule,
    item: d.item,
    what: d.what,
    whom: d.whom,
    due: d.due,
    status: exempt ? 'done' : statusOn(d.due, d.doneOn, today, windowEnd),
    basis: d.basis,
    source: sourceOf(d.rule),
  };
  if (d.doneOn) {
    item.doneOn = d.doneOn;
    if (d.doneOn > d.due) item.late = true;
  }
  if (d.extension) item.extension = d.extension;
  if (d.extensionNotApplied) item.extensionNotApplied = d.extensionNotApplied;
  return item;
}
