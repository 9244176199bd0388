// RAG ratings of plan actions, and what is derived from them: overdue (past due and not complete)
// and an action's RAG on a date from its history of changes. Pure: dates are passed in.
import type { IsoDate } from '../../domain/dates/index.ts';

export const RAGS = ['red', 'amber', 'green', 'complete'] as const;
export type Rag = (typeof RAGS)[number];

export const RAG_LABELS: Record<Rag, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  complete: 'Complete',
};

/** GOV.UK tag colour for each RAG. */
export const RAG_TAG_CLASSES: Record<Rag, string> = {
  red: 'govuk-tag--red',
  amber: 'govuk-tag--orange',
  green: 'govuk-tag--green',
  complete: 'govuk-tag--blue',
};

export function isRag(value: string): value is Rag {
  return (RAGS as readonly string[]).includes(value);
}

/** Past its due date on `today` and not complete. An ongoing action (no due date) is never overdue. */
export function isOverdue(a: { dueDate: IsoDate | null; rag: Rag }, today: IsoDate): boolean {
  return a.dueDate !== null && a.dueDate < today && a.rag !== 'complete';
}

export interface RagChange {
  effectiveDate: IsoDate;
  from: Rag | null;
  to: Rag;
  /** Order of recording, to break ties between changes on one date. */
  seq: number;
}

/** The RAG in force on `date`: the last change on or before it; null when the action had none yet. */
export function ragOn(changes: readonly RagChange[], date: IsoDate): Rag | null {
  let best: RagChange | undefined;
  for (const c of changes) {
    if (c.effectiveDate > date) continue;
    if (
      !best ||
      c.effectiveDate > best.effectiveDate ||
      (c.effectiveDate === best.effectiveDate && c.seq > best.seq)
    )
      best = c;
  }
  return best ? best.to : null;
}
