// Where to record the event that satisfies a due item: the recording forms under the child
// (src/features/recording/links.ts), or the child's record where no form exists yet (PEPs, pathway
// plans, care proceedings, return interviews are recorded on the missing episode).
import type { RuleId } from '../../domain/timescales/index.ts';

const CHILD_FORM: Partial<Record<RuleId, string>> = {
  'lac-review': 'reviews/new',
  'sw-visit': 'visits/new',
  'initial-health-assessment': 'health/new',
  'review-health-assessment': 'health/new',
  sdq: 'health/new',
  'pa-contact': 'care-leaver-contacts/new',
  'care-leaver-birthday-contact': 'care-leaver-contacts/new',
};

/** The page to record a child's item on (a form, or the record itself). */
export function recordHref(rule: RuleId, childId: number): string {
  const form = CHILD_FORM[rule];
  return `/children/${String(childId)}${form ? `/${form}` : ''}`;
}

/**
 * Where to record a household's item: no carer review or approval form exists yet (the carers area
 * owns fostering households), so none; the tray still offers "Extend or exempt".
 */
export function householdRecordHref(_rule: RuleId, _householdId: number): string | null {
  return null;
}

/** The form to record an extension or exemption for one item. */
export function extendHref(
  whom: { child: number } | { household: number },
  rule: RuleId,
  item: string,
): string {
  const q = new URLSearchParams(
    'child' in whom
      ? { child: String(whom.child), rule, item }
      : { household: String(whom.household), rule, item },
  );
  return `/work/extensions/new?${q.toString()}`;
}
