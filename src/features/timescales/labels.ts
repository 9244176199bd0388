// Words for rule ids and statuses on pages and in CSV.
import type { RuleId } from '../../domain/timescales/index.ts';

export const RULE_LABELS: Record<RuleId, string> = {
  'lac-review': 'Looked-after review',
  'sw-visit': 'Social worker visit',
  'initial-health-assessment': 'Initial health assessment',
  'review-health-assessment': 'Review health assessment',
  sdq: 'Strengths and Difficulties Questionnaire',
  'pep-start': 'Personal education plan started',
  'pep-review': 'Personal education plan review',
  'connected-person-approval': 'Connected person: full approval',
  'foster-carer-review': 'Foster carer review',
  'foster-carer-first-review-panel': 'First carer review to panel',
  'return-home-interview': 'Return home interview',
  'pathway-plan-review': 'Pathway plan review',
  'pa-contact': 'Personal adviser contact',
  'care-leaver-birthday-contact': 'Birthday contact (17 to 21)',
  'care-proceedings': 'Care proceedings (26 weeks)',
  'private-fostering-visit': 'Private fostering visit',
};

export const STATUS_LABELS = {
  overdue: 'Overdue',
  due: 'Due in the next 14 days',
  upcoming: 'Upcoming',
  done: 'Done',
} as const;
