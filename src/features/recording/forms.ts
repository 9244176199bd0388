// Every recording form, declared once: its path under the child, who may use it, its fields (for
// the page), its zod schema (for the page and the API) and the service that saves it.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Permission } from '../../platform/access/access.ts';
import { codeItems } from './codes.ts';
import {
  addLegalStatus,
  addPlacement,
  editPlacement,
  endPeriod,
  getPeriod,
  getPlacement,
  startPeriod,
  type Ctx,
} from './careService.ts';
import { createChild } from './childService.ts';
import {
  PERMISSIONS_FOR,
  addAllocation,
  addCareLeaverContact,
  addHealth,
  addMissing,
  addPermanence,
  addReview,
  addVisit,
  editPermanence,
  getPermanence,
} from './eventService.ts';
import type { FieldSpec, Item } from './fields.ts';
import { moreForms } from './moreForms.ts';
import {
  AllocationInput,
  CareLeaverContactInput,
  EditPermanenceInput,
  EditPlacementInput,
  EndPeriodInput,
  HealthInput,
  LegalStatusInput,
  MissingInput,
  NewChildInput,
  NewPlacementInput,
  PermanenceInput,
  ReviewInput,
  StartPeriodInput,
  VisitInput,
} from './schemas.ts';

export interface Options {
  households: Item[];
  homes: Item[];
  /** Open 16+ supported accommodation services, with their provider. */
  services: Item[];
  users: Item[];
}

export interface FormDef {
  /** Page path: '/children/:id/...' ('/children/new' for a new child). */
  page: string;
  /** API method and path below /api/v1. */
  api: { method: 'post' | 'put'; path: string };
  /** A form for an existing record (:rid in the path) with optimistic locking. */
  edit?: {
    load: (ctx: Ctx, childId: number, recordId: number) => Promise<Record<string, unknown>>;
  };
  /** The record edited is the child itself (no :rid in the path). */
  editsChild?: boolean;
  title: string;
  submit: string;
  flash: string;
  summary: string;
  permissions: readonly Permission[];
  needs?: readonly (keyof Options)[];
  fields: (o: Options) => FieldSpec[];
  schema: z.ZodType;
  save: (ctx: Ctx, childId: number, input: never, recordId: number) => Promise<unknown>;
}

const CARE: readonly Permission[] = ['child:write'];
const PLACING: readonly Permission[] = ['child:write', 'placement:manage'];

const placementFields = (o: Options): FieldSpec[] => [
  {
    name: 'placeType',
    kind: 'select',
    label: 'Type of placement',
    items: codeItems('Episodes.PLACE', null),
  },
  {
    name: 'provider',
    kind: 'select',
    label: 'Placement provider',
    items: codeItems('Episodes.PLACE_PROVIDER', null, { blank: 'Not applicable' }),
  },
  {
    name: 'householdId',
    kind: 'select',
    numeric: true,
    label: 'Fostering household (for a foster placement)',
    items: [{ value: '', text: 'None' }, ...o.households],
  },
  {
    name: 'homeId',
    kind: 'select',
    numeric: true,
    label: 'Home (for a placement in a home)',
    items: [{ value: '', text: 'None' }, ...o.homes],
  },
  {
    name: 'supportedAccommodationId',
    kind: 'select',
    numeric: true,
    label: '16+ supported accommodation service (for a K3 or H5 placement)',
    items: [{ value: '', text: 'None' }, ...o.services],
  },
  {
    name: 'postcode',
    kind: 'text',
    label: 'Postcode of the placement (optional)',
    hint: 'Leave blank to use the household’s, home’s or service’s postcode.',
    width: 'govuk-input--width-10',
  },
  {
    name: 'urn',
    kind: 'text',
    label: 'Ofsted URN (optional)',
    hint: 'Leave blank to use the home’s or service’s URN.',
    width: 'govuk-input--width-10',
  },
];

const reasonForChange = (label: string): FieldSpec => ({
  name: 'reasonForChange',
  kind: 'select',
  label,
  items: codeItems('Episodes.REASON_PLACE_CHANGE', null, { blank: 'Not applicable' }),
});

export const CHILD = '/children/:id';

const BASE_FORMS: readonly FormDef[] = [
  {
    page: '/children/new',
    api: { method: 'post', path: '/children' },
    title: 'Add a child',
    submit: 'Add child',
    flash: 'The child has been added',
    summary: 'Add a child.',
    permissions: CARE,
    schema: NewChildInput,
    fields: () => [
      { name: 'firstName', kind: 'text', label: 'First name' },
      { name: 'lastName', kind: 'text', label: 'Last name' },
      { name: 'dateOfBirth', kind: 'date', label: 'Date of birth' },
      {
        name: 'sex',
        kind: 'radios',
        label: 'Sex',
        items: [
          { value: 'M', text: 'Male' },
          { value: 'F', text: 'Female' },
          { value: 'U', text: 'Not known or not stated' },
        ],
      },
      {
        name: 'ethnicity',
        kind: 'select',
        label: 'Ethnicity (optional)',
        items: codeItems('Header.ETHNIC', null, { blank: 'Not recorded yet' }),
      },
      {
        name: 'localId',
        kind: 'text',
        label: 'Local identifier',
        hint: 'The child’s identifier in this council, up to 10 characters.',
        width: 'govuk-input--width-10',
      },
      {
        name: 'upn',
        kind: 'text',
        label: 'Unique pupil number (optional)',
        width: 'govuk-input--width-20',
      },
      {
        name: 'nhsNumber',
        kind: 'text',
        label: 'NHS number (optional)',
        width: 'govuk-input--width-10',
      },
      {
        name: 'homePostcode',
        kind: 'text',
        label: 'Home postcode (optional)',
        width: 'govuk-input--width-10',
      },
    ],
    save: (ctx, _childId, input: NewChildInput) => createChild(ctx, input),
  },
  {
    page: `${CHILD}/periods/new`,
    api: { method: 'post', path: `${CHILD}/periods` },
    title: 'Start a period of care',
    submit: 'Start period of care',
    flash: 'The period of care has been recorded',
    summary: 'Start a period of care with its first legal status and placement.',
    permissions: CARE,
    needs: ['households', 'homes', 'services'],
    schema: StartPeriodInput,
    fields: (o) => [
      { name: 'startDate', kind: 'date', label: 'Date the child started to be looked after' },
      {
        name: 'categoryOfNeed',
        kind: 'select',
        label: 'Category of need',
        items: codeItems('Episodes.CIN', null),
      },
      {
        name: 'legalStatus',
        kind: 'select',
        label: 'Legal status',
        items: codeItems('Episodes.LS', null),
      },
      ...placementFields(o),
    ],
    save: (ctx, childId, input: StartPeriodInput) => startPeriod(ctx, childId, input),
  },
  {
    page: `${CHILD}/periods/:rid/end`,
    api: { method: 'post', path: `${CHILD}/periods/:rid/end` },
    edit: { load: getPeriod },
    title: 'End a period of care',
    submit: 'End period of care',
    flash: 'The end of the period of care has been recorded',
    summary: 'End a period of care (its legal status and placement end on the same date).',
    permissions: CARE,
    schema: EndPeriodInput,
    fields: () => [
      { name: 'endDate', kind: 'date', label: 'Date the child left care' },
      {
        name: 'reason',
        kind: 'select',
        label: 'Why the child left care',
        items: codeItems('Episodes.REC', null, { exclude: ['X1'] }),
      },
    ],
    save: (ctx, childId, input: EndPeriodInput, rid) => endPeriod(ctx, childId, rid, input),
  },
  {
    page: `${CHILD}/legal-statuses/new`,
    api: { method: 'post', path: `${CHILD}/legal-statuses` },
    title: 'Record a new legal status',
    submit: 'Save legal status',
    flash: 'The legal status has been recorded',
    summary: 'A new legal status from a date; the current one ends that day.',
    permissions: CARE,
    schema: LegalStatusInput,
    fields: () => [
      { name: 'startDate', kind: 'date', label: 'Date the legal status started' },
      {
        name: 'status',
        kind: 'select',
        label: 'Legal status',
        items: codeItems('Episodes.LS', null),
      },
    ],
    save: (ctx, childId, input: LegalStatusInput) => addLegalStatus(ctx, childId, input),
  },
  {
    page: `${CHILD}/placements/new`,
    api: { method: 'post', path: `${CHILD}/placements` },
    title: 'Record a new placement',
    submit: 'Save placement',
    flash: 'The placement has been recorded',
    summary:
      'A new placement from a date; the current one ends that day with the reason for the change.',
    permissions: PLACING,
    needs: ['households', 'homes', 'services'],
    schema: NewPlacementInput,
    fields: (o) => [
      { name: 'startDate', kind: 'date', label: 'Date the placement started' },
      ...placementFields(o),
      reasonForChange('Reason the previous placement ended'),
    ],
    save: (ctx, childId, input: NewPlacementInput) => addPlacement(ctx, childId, input),
  },
  {
    page: `${CHILD}/placements/:rid/edit`,
    api: { method: 'put', path: `${CHILD}/placements/:rid` },
    edit: { load: getPlacement },
    title: 'Correct a placement',
    submit: 'Save changes',
    flash: 'The placement has been changed',
    summary: 'Correct a placement (optimistic locking on version).',
    permissions: PLACING,
    needs: ['households', 'homes', 'services'],
    schema: EditPlacementInput,
    fields: (o) => [
      { name: 'startDate', kind: 'date', label: 'Date the placement started' },
      { name: 'endDate', kind: 'date', label: 'Date the placement ended (if it has ended)' },
      ...placementFields(o),
      reasonForChange('Reason the placement ended'),
    ],
    save: (ctx, childId, input: EditPlacementInput, rid) => editPlacement(ctx, childId, rid, input),
  },
  {
    page: `${CHILD}/reviews/new`,
    api: { method: 'post', path: `${CHILD}/reviews` },
    title: 'Record a review',
    submit: 'Save review',
    flash: 'The review has been recorded',
    summary: 'A looked-after child review that was held.',
    permissions: PERMISSIONS_FOR.review,
    schema: ReviewInput,
    fields: () => [
      { name: 'heldDate', kind: 'date', label: 'Date the review was held' },
      {
        name: 'participation',
        kind: 'radios',
        label: 'How the child took part',
        items: codeItems('Reviews.REVIEW_CODE', null).slice(1),
      },
    ],
    save: (ctx, childId, input: ReviewInput) => addReview(ctx, childId, input),
  },
  {
    page: `${CHILD}/visits/new`,
    api: { method: 'post', path: `${CHILD}/visits` },
    title: 'Record a visit',
    submit: 'Save visit',
    flash: 'The visit has been recorded',
    summary: 'A social worker’s statutory visit.',
    permissions: CARE,
    schema: VisitInput,
    fields: () => [
      { name: 'visitDate', kind: 'date', label: 'Date of the visit' },
      { name: 'seen', kind: 'yesno', label: 'Was the child seen?' },
      { name: 'seenAlone', kind: 'yesno', label: 'Was the child seen alone?' },
    ],
    save: (ctx, childId, input: VisitInput) => addVisit(ctx, childId, input),
  },
  {
    page: `${CHILD}/health/new`,
    api: { method: 'post', path: `${CHILD}/health` },
    title: 'Record health',
    submit: 'Save',
    flash: 'The health record has been saved',
    summary: 'A health or dental assessment, immunisation status or SDQ score.',
    permissions: CARE,
    schema: HealthInput,
    fields: () => [
      {
        name: 'kind',
        kind: 'radios',
        label: 'What are you recording?',
        items: [
          { value: 'initial', text: 'Initial health assessment' },
          { value: 'review', text: 'Review health assessment' },
          { value: 'dental', text: 'Dental check' },
          { value: 'immunisations', text: 'Immunisation status' },
          { value: 'sdq', text: 'Strengths and difficulties questionnaire (SDQ)' },
        ],
        reveals: { immunisations: ['upToDate'], sdq: ['score', 'sdqReason'] },
      },
      { name: 'date', kind: 'date', label: 'Date of the assessment' },
      { name: 'upToDate', kind: 'yesno', label: 'Are the child’s immunisations up to date?' },
      { name: 'score', kind: 'number', label: 'SDQ score', hint: 'A whole number from 0 to 40.' },
      {
        name: 'sdqReason',
        kind: 'select',
        label: 'Reason there is no SDQ score',
        hint: 'Leave as “Not applicable” when you entered a score.',
        items: codeItems('OC2.SDQ_REASON', null, { blank: 'Not applicable' }),
      },
    ],
    save: (ctx, childId, input: HealthInput) => addHealth(ctx, childId, input),
  },
  {
    page: `${CHILD}/missing/new`,
    api: { method: 'post', path: `${CHILD}/missing` },
    title: 'Record a missing or away episode',
    submit: 'Save',
    flash: 'The missing or away episode has been recorded',
    summary: 'A missing or away from placement episode with its return interview.',
    permissions: CARE,
    schema: MissingInput,
    fields: () => [
      {
        name: 'kind',
        kind: 'radios',
        label: 'Was the child missing or away?',
        items: [
          { value: 'M', text: 'Missing' },
          { value: 'A', text: 'Away from placement without authorisation' },
        ],
      },
      { name: 'startDate', kind: 'date', label: 'Date the child went missing or away' },
      { name: 'endDate', kind: 'date', label: 'Date the child returned (if they have)' },
      {
        name: 'interviewOffered',
        kind: 'date',
        label: 'Date the return interview was offered (optional)',
      },
      {
        name: 'interviewAccepted',
        kind: 'yesno',
        label: 'Did the child accept the return interview? (optional)',
      },
    ],
    save: (ctx, childId, input: MissingInput) => addMissing(ctx, childId, input),
  },
  ...permanenceForms(),
  {
    page: `${CHILD}/care-leaver-contacts/new`,
    api: { method: 'post', path: `${CHILD}/care-leaver-contacts` },
    title: 'Record a care leaver contact',
    submit: 'Save contact',
    flash: 'The contact has been recorded',
    summary: 'A contact with a care leaver: in touch, activity and accommodation.',
    permissions: PERMISSIONS_FOR.careLeaverContact,
    schema: CareLeaverContactInput,
    fields: () => [
      { name: 'contactDate', kind: 'date', label: 'Date of the contact' },
      {
        name: 'inTouch',
        kind: 'radios',
        label: 'Is the young person in touch?',
        items: codeItems('OC3.IN_TOUCH', null).slice(1),
      },
      {
        name: 'activity',
        kind: 'select',
        label: 'Main activity',
        items: codeItems('OC3.ACTIV', null),
      },
      {
        name: 'accommodation',
        kind: 'select',
        label: 'Accommodation',
        items: codeItems('OC3.ACCOM', null),
      },
    ],
    save: (ctx, childId, input: CareLeaverContactInput) =>
      addCareLeaverContact(ctx, childId, input),
  },
  {
    page: `${CHILD}/allocations/new`,
    api: { method: 'post', path: `${CHILD}/allocations` },
    title: 'Allocate a worker',
    submit: 'Allocate',
    flash: 'The allocation has been recorded',
    summary:
      'Allocate a social worker, IRO or personal adviser; the current one in that role ends that day.',
    permissions: CARE,
    needs: ['users'],
    schema: AllocationInput,
    fields: (o) => [
      {
        name: 'role',
        kind: 'radios',
        label: 'Role',
        items: [
          { value: 'social_worker', text: 'Social worker' },
          { value: 'iro', text: 'Independent reviewing officer' },
          { value: 'personal_adviser', text: 'Personal adviser' },
        ],
      },
      {
        name: 'userId',
        kind: 'select',
        numeric: true,
        label: 'Worker',
        items: [{ value: '', text: 'Select a worker' }, ...o.users],
      },
      { name: 'startDate', kind: 'date', label: 'Date the allocation starts' },
    ],
    save: (ctx, childId, input: AllocationInput) => addAllocation(ctx, childId, input),
  },
];

/** Every form: the ones above, then the edits and further facts (moreForms.ts) built on them. */
export const FORMS: readonly FormDef[] = [...BASE_FORMS, ...moreForms(BASE_FORMS)];

function permanenceForms(): FormDef[] {
  const fields = (): FieldSpec[] => [
    {
      name: 'decisionDate',
      kind: 'date',
      label: 'Date of the decision that the child should be placed for adoption',
    },
    { name: 'placementOrderDate', kind: 'date', label: 'Date of the placement order (optional)' },
    { name: 'matchedDate', kind: 'date', label: 'Date the child was matched (optional)' },
    {
      name: 'placedDate',
      kind: 'date',
      label: 'Date the child was placed for adoption (optional)',
    },
    { name: 'orderDate', kind: 'date', label: 'Date the adoption order was granted (optional)' },
    { name: 'reversedDate', kind: 'date', label: 'Date the decision was reversed (optional)' },
    {
      name: 'reversedReason',
      kind: 'select',
      label: 'Why the decision was reversed',
      items: codeItems('PlacedAdoption.REASON_PLACED_CEASED', null, { blank: 'Not applicable' }),
    },
  ];
  return [
    {
      page: `${CHILD}/permanence/new`,
      api: { method: 'post', path: `${CHILD}/permanence` },
      title: 'Record an adoption plan',
      submit: 'Save',
      flash: 'The adoption plan has been recorded',
      summary: 'Adoption milestones: decision, placement order, matched, placed, order, reversed.',
      permissions: CARE,
      schema: PermanenceInput,
      fields,
      save: (ctx, childId, input: PermanenceInput) => addPermanence(ctx, childId, input),
    },
    {
      page: `${CHILD}/permanence/:rid/edit`,
      api: { method: 'put', path: `${CHILD}/permanence/:rid` },
      edit: { load: getPermanence },
      title: 'Update an adoption plan',
      submit: 'Save changes',
      flash: 'The adoption plan has been changed',
      summary: 'Correct or add adoption milestones (optimistic locking on version).',
      permissions: CARE,
      schema: EditPermanenceInput,
      fields,
      save: (ctx, childId, input: EditPermanenceInput, rid) =>
        editPermanence(ctx, childId, rid, input),
    },
  ];
}

/** The choices that come from the database, loaded only for forms that need them. */
export async function loadOptions(
  db: Db,
  needs: readonly (keyof Options)[] = [],
): Promise<Options> {
  const o: Options = { households: [], homes: [], services: [], users: [] };
  if (needs.includes('households'))
    o.households = (
      await db
        .selectFrom('fostering_household')
        .select(['id', 'name', 'postcode', 'approved_places'])
        .where('status', 'in', ['approved', 'reg24'])
        .orderBy('name')
        .execute()
    ).map((h) => ({ value: String(h.id), text: `${h.name} (${h.postcode})` }));
  if (needs.includes('homes'))
    o.homes = (
      await db
        .selectFrom('home')
        .select(['id', 'name', 'postcode'])
        .where('closed_on', 'is', null)
        .orderBy('name')
        .execute()
    ).map((h) => ({ value: String(h.id), text: `${h.name} (${h.postcode})` }));
  if (needs.includes('services'))
    o.services = (
      await db
        .selectFrom('supported_accommodation as sa')
        .innerJoin('provider', 'provider.id', 'sa.provider_id')
        .select(['sa.id', 'sa.name', 'sa.postcode', 'provider.name as provider_name'])
        .where('sa.closed_on', 'is', null)
        .orderBy('sa.name')
        .orderBy('sa.id')
        .execute()
    ).map((s) => ({
      value: String(s.id),
      text: `${s.name}, ${s.provider_name} (${s.postcode})`,
    }));
  if (needs.includes('users'))
    o.users = (
      await db
        .selectFrom('app_user')
        .select(['id', 'display_name', 'roles'])
        .where('disabled', '=', false)
        .where(sql<boolean>`roles && array['social_worker','iro','personal_adviser']::text[]`)
        .orderBy('display_name')
        .execute()
    ).map((u) => ({ value: String(u.id), text: u.display_name }));
  return o;
}
