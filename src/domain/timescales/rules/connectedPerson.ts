// Connected-person temporary approval (CPPCR 2010 regs 24–25): a child may be placed with a
// connected person approved temporarily for up to 16 weeks. The local authority may extend once,
// by up to 8 weeks, only after it has reconsidered suitability, sought the fostering panel's
// views, informed the IRO and had the nominated officer approve; all must be recorded before the
// 16 weeks end. Without full approval by the end, the placement must end.
// Convention: "16 weeks" ends on the date 16 weeks after temporary approval.
import { addWeeks, formatUkDate } from '../../dates/index.ts';
import { on } from '../chain.ts';
import type { AppliedExtension, Draft } from '../dueItem.ts';
import type { CarerTimescaleInput, ConnectedPersonApproval } from '../inputs.ts';
import type { IsoDate } from '../../care/facts.ts';

/** Why an extension cannot be applied, or null if it can. */
export function extensionProblem(cp: ConnectedPersonApproval): string | null {
  const ext = cp.extension;
  if (!ext) return null;
  const end16 = addWeeks(cp.temporaryApproval, 16);
  const missing: string[] = [];
  const step = (date: IsoDate | null, what: string) => {
    if (date === null) missing.push(`${what} not recorded`);
    else if (date > end16) missing.push(`${what} after the 16 weeks ended`);
  };
  step(ext.nominatedOfficerApproved, "nominated officer's approval");
  step(ext.fosteringPanelViewsSought, "fostering panel's views");
  step(ext.iroInformed, 'IRO informed');
  if (ext.reason.trim() === '') missing.push('no reason recorded');
  if (ext.authorisedBy.trim() === '') missing.push('no authoriser recorded');
  if (ext.until > addWeeks(end16, 8))
    missing.push(`extends beyond 8 weeks (to ${formatUkDate(ext.until)})`);
  if (ext.until <= end16) missing.push('does not extend the 16 weeks');
  return missing.length ? `Extension not applied: ${missing.join('; ')}` : null;
}

export function connectedPersonClocks(input: CarerTimescaleInput, today: IsoDate): Draft[] {
  const drafts: Draft[] = [];
  for (const cp of input.connectedPerson) {
    const end16 = addWeeks(cp.temporaryApproval, 16);
    const ended = cp.placementEnded;
    // Placement ended before full approval and the clock stopped: nothing left to do.
    if (cp.fullApproval === null && ended !== null && ended <= today) continue;
    const problem = extensionProblem(cp);
    let due = end16;
    let extension: AppliedExtension | undefined;
    if (cp.extension && problem === null) {
      due = cp.extension.until;
      extension = {
        kind: 'extension',
        originalDue: end16,
        reason: cp.extension.reason,
        authorisedBy: cp.extension.authorisedBy,
        date: cp.extension.nominatedOfficerApproved ?? end16,
      };
    }
    const expired = cp.fullApproval === null && due < today;
    const draft: Draft = {
      rule: 'connected-person-approval',
      item: `child-${cp.childId}/${cp.temporaryApproval}`,
      what: expired
        ? 'Temporary approval has expired without full approval: the placement must end'
        : 'Full approval of the connected person before temporary approval ends',
      whom: { type: 'carer', id: input.carerId },
      due,
      doneOn: cp.fullApproval,
      basis: on(`Temporarily approved for child ${cp.childId}`, cp.temporaryApproval),
    };
    if (extension) draft.extension = extension;
    if (problem) draft.extensionNotApplied = problem;
    drafts.push(draft);
  }
  return drafts;
}
