// The edit forms for stored events and the child's own details (each reusing the fields of the form
// that recorded it, with optimistic locking), and the forms for permanence orders, previous
// permanence, substance misuse and convictions (new and edit), ending an allocation and changing
// social worker.
import { ALLOCATION, changeSocialWorker, endAllocation } from './allocationService.ts';
import { editLegalStatus, getLegalStatus } from './careService.ts';
import { CHILD_DETAILS, editChildDetails } from './childService.ts';
import { codeItems } from './codes.ts';
import {
  ChangeSocialWorkerInput,
  ChildDetailsInput,
  ConvictionInput,
  EditCareLeaverContactInput,
  EditConvictionInput,
  EditHealthAssessmentInput,
  EditImmunisationInput,
  EditLegalStatusInput,
  EditMissingInput,
  EditPermanenceOrderInput,
  EditPreviousPermanenceInput,
  EditReviewInput,
  EditSubstanceMisuseInput,
  EditSdqInput,
  EditVisitInput,
  EndAllocationInput,
  PermanenceOrderInput,
  PreviousPermanenceInput,
  SubstanceMisuseInput,
} from './editSchemas.ts';
import {
  CARE_LEAVER_CONTACT,
  HEALTH_ASSESSMENT,
  IMMUNISATION,
  MISSING,
  REVIEW,
  SDQ,
  VISIT,
  editCareLeaverContact,
  editHealthAssessment,
  editImmunisation,
  editMissing,
  editReview,
  editSdq,
  editVisit,
} from './eventEdits.ts';
import { PERMISSIONS_FOR } from './eventService.ts';
import {
  CONVICTION,
  PERMANENCE_ORDER,
  PREVIOUS_PERMANENCE,
  SUBSTANCE_MISUSE,
  addConviction,
  addPermanenceOrder,
  addPreviousPermanence,
  addSubstanceMisuse,
  editConviction,
  editPermanenceOrder,
  editPreviousPermanence,
  editSubstanceMisuse,
} from './factService.ts';
import type { FieldSpec } from './fields.ts';
import type { FormDef, Options } from './forms.ts';
import { reader } from './recordEdit.ts';

const CHILD = '/children/:id';
const CARE = ['child:write'] as const;

function fieldsOf(base: readonly FormDef[], page: string): (o: Options) => FieldSpec[] {
  const form = base.find((f) => f.page === `${CHILD}/${page}`);
  if (!form) throw new Error(`no form at ${page}`);
  return form.fields;
}

const only = (names: readonly string[], fields: (o: Options) => FieldSpec[]) => (o: Options) =>
  fields(o)
    .filter((f) => names.includes(f.name))
    .map((f) => ({ ...f, reveals: undefined }));

const edit = (what: string) => ({
  submit: 'Save changes',
  flash: `The ${what} has been changed`,
  summary: `Correct a ${what} (optimistic locking on version).`,
});

const swReason = (label: string, blank?: string): FieldSpec => ({
  name: 'reason',
  kind: 'select',
  label,
  items: codeItems('SWEpisodes.SW_REASON', null, blank ? { blank } : {}),
});

const PERMANENCE_ORDER_FIELDS = (): FieldSpec[] => [
  {
    name: 'kind',
    kind: 'radios',
    label: 'Which order was made?',
    items: [
      { value: 'sgo', text: 'Special guardianship order' },
      { value: 'cao', text: 'Child arrangements order' },
      { value: 'adoption', text: 'Adoption order' },
    ],
  },
  { name: 'orderDate', kind: 'date', label: 'Date the order was made' },
];

const PREVIOUS_PERMANENCE_FIELDS = (): FieldSpec[] => [
  {
    name: 'prevPerm',
    kind: 'select',
    label: 'Previous permanence option',
    items: codeItems('PrevPerm.PREV_PERM', null),
  },
  { name: 'orderDate', kind: 'partialDate', label: 'Date of the order (optional)' },
  {
    name: 'laCode',
    kind: 'text',
    label: 'Local authority that arranged it (optional)',
    hint: 'Its 3-digit code, like 380, or WAL, SCO, NIR or NUK outside England.',
    width: 'govuk-input--width-4',
  },
];

const SUBSTANCE_MISUSE_FIELDS = (): FieldSpec[] => [
  { name: 'identifiedDate', kind: 'date', label: 'Date the substance misuse was identified' },
  {
    name: 'interventionOffered',
    kind: 'yesno',
    label: 'Was the child offered an intervention?',
  },
  {
    name: 'interventionReceived',
    kind: 'yesno',
    label: 'Did the child receive an intervention?',
  },
];

const CONVICTION_FIELDS = (): FieldSpec[] => [
  { name: 'convictionDate', kind: 'date', label: 'Date of the conviction' },
];

export function moreForms(base: readonly FormDef[]): FormDef[] {
  const healthKinds = () =>
    fieldsOf(
      base,
      'health/new',
    )({ households: [], homes: [], services: [], users: [] })
      .find((f) => f.name === 'kind')
      ?.items?.filter((i) => ['initial', 'review', 'dental'].includes(i.value)) ?? [];
  return [
    {
      page: `${CHILD}/details/edit`,
      api: { method: 'put', path: CHILD },
      edit: { load: reader(CHILD_DETAILS) },
      editsChild: true,
      title: 'Change the child’s details',
      ...edit('child’s details'),
      flash: 'The child’s details have been changed',
      permissions: CARE,
      schema: ChildDetailsInput,
      fields: (o) => [
        ...(base.find((f) => f.page === '/children/new')?.fields(o) ?? []).filter(
          (f) => f.name !== 'localId',
        ),
        {
          name: 'uasc',
          kind: 'yesno',
          label: 'Is or was the child an unaccompanied asylum-seeking child (UASC)?',
        },
        {
          name: 'uascStart',
          kind: 'date',
          label:
            'Date the child became an unaccompanied asylum-seeking child (if they are or were)',
        },
        {
          name: 'uascEnd',
          kind: 'date',
          label:
            'Date the child stopped being an unaccompanied asylum-seeking child (if they have)',
        },
      ],
      save: (ctx, childId, input: ChildDetailsInput, rid) =>
        editChildDetails(ctx, childId, rid, input),
    },
    {
      page: `${CHILD}/legal-statuses/:rid/edit`,
      api: { method: 'put', path: `${CHILD}/legal-statuses/:rid` },
      edit: { load: getLegalStatus },
      title: 'Correct a legal status',
      ...edit('legal status'),
      permissions: CARE,
      schema: EditLegalStatusInput,
      fields: fieldsOf(base, 'legal-statuses/new'),
      save: (ctx, childId, input: EditLegalStatusInput, rid) =>
        editLegalStatus(ctx, childId, rid, input),
    },
    {
      page: `${CHILD}/reviews/:rid/edit`,
      api: { method: 'put', path: `${CHILD}/reviews/:rid` },
      edit: { load: reader(REVIEW) },
      title: 'Correct a review',
      ...edit('review'),
      permissions: PERMISSIONS_FOR.review,
      schema: EditReviewInput,
      fields: fieldsOf(base, 'reviews/new'),
      save: (ctx, childId, input: EditReviewInput, rid) => editReview(ctx, childId, rid, input),
    },
    {
      page: `${CHILD}/visits/:rid/edit`,
      api: { method: 'put', path: `${CHILD}/visits/:rid` },
      edit: { load: reader(VISIT) },
      title: 'Correct a visit',
      ...edit('visit'),
      permissions: CARE,
      schema: EditVisitInput,
      fields: fieldsOf(base, 'visits/new'),
      save: (ctx, childId, input: EditVisitInput, rid) => editVisit(ctx, childId, rid, input),
    },
    {
      page: `${CHILD}/health-assessments/:rid/edit`,
      api: { method: 'put', path: `${CHILD}/health-assessments/:rid` },
      edit: { load: reader(HEALTH_ASSESSMENT) },
      title: 'Correct a health assessment',
      ...edit('health assessment'),
      permissions: CARE,
      schema: EditHealthAssessmentInput,
      fields: () => [
        { name: 'kind', kind: 'radios', label: 'Which assessment?', items: healthKinds() },
        { name: 'date', kind: 'date', label: 'Date of the assessment' },
      ],
      save: (ctx, childId, input: EditHealthAssessmentInput, rid) =>
        editHealthAssessment(ctx, childId, rid, input),
    },
    {
      page: `${CHILD}/immunisations/:rid/edit`,
      api: { method: 'put', path: `${CHILD}/immunisations/:rid` },
      edit: { load: reader(IMMUNISATION) },
      title: 'Correct an immunisation status',
      ...edit('immunisation status'),
      permissions: CARE,
      schema: EditImmunisationInput,
      fields: only(['date', 'upToDate'], fieldsOf(base, 'health/new')),
      save: (ctx, childId, input: EditImmunisationInput, rid) =>
        editImmunisation(ctx, childId, rid, input),
    },
    {
      page: `${CHILD}/sdq/:rid/edit`,
      api: { method: 'put', path: `${CHILD}/sdq/:rid` },
      edit: { load: reader(SDQ) },
      title: 'Correct an SDQ score',
      ...edit('SDQ score'),
      permissions: CARE,
      schema: EditSdqInput,
      fields: only(['date', 'score', 'sdqReason'], fieldsOf(base, 'health/new')),
      save: (ctx, childId, input: EditSdqInput, rid) => editSdq(ctx, childId, rid, input),
    },
    {
      page: `${CHILD}/missing/:rid/edit`,
      api: { method: 'put', path: `${CHILD}/missing/:rid` },
      edit: { load: reader(MISSING) },
      title: 'Correct a missing or away episode',
      ...edit('missing or away episode'),
      permissions: CARE,
      schema: EditMissingInput,
      fields: fieldsOf(base, 'missing/new'),
      save: (ctx, childId, input: EditMissingInput, rid) => editMissing(ctx, childId, rid, input),
    },
    {
      page: `${CHILD}/care-leaver-contacts/:rid/edit`,
      api: { method: 'put', path: `${CHILD}/care-leaver-contacts/:rid` },
      edit: { load: reader(CARE_LEAVER_CONTACT) },
      title: 'Correct a care leaver contact',
      ...edit('contact'),
      permissions: PERMISSIONS_FOR.careLeaverContact,
      schema: EditCareLeaverContactInput,
      fields: fieldsOf(base, 'care-leaver-contacts/new'),
      save: (ctx, childId, input: EditCareLeaverContactInput, rid) =>
        editCareLeaverContact(ctx, childId, rid, input),
    },
    {
      page: `${CHILD}/permanence-orders/new`,
      api: { method: 'post', path: `${CHILD}/permanence-orders` },
      title: 'Record a permanence order',
      submit: 'Save order',
      flash: 'The order has been recorded',
      summary: 'A special guardianship order, child arrangements order or adoption order.',
      permissions: CARE,
      schema: PermanenceOrderInput,
      fields: PERMANENCE_ORDER_FIELDS,
      save: (ctx, childId, input: PermanenceOrderInput) => addPermanenceOrder(ctx, childId, input),
    },
    {
      page: `${CHILD}/permanence-orders/:rid/edit`,
      api: { method: 'put', path: `${CHILD}/permanence-orders/:rid` },
      edit: { load: reader(PERMANENCE_ORDER) },
      title: 'Correct a permanence order',
      ...edit('permanence order'),
      permissions: CARE,
      schema: EditPermanenceOrderInput,
      fields: PERMANENCE_ORDER_FIELDS,
      save: (ctx, childId, input: EditPermanenceOrderInput, rid) =>
        editPermanenceOrder(ctx, childId, rid, input),
    },
    {
      page: `${CHILD}/previous-permanence/new`,
      api: { method: 'post', path: `${CHILD}/previous-permanence` },
      title: 'Record previous permanence',
      submit: 'Save',
      flash: 'The previous permanence has been recorded',
      summary:
        'A permanence option the child had before this period of care (903 PrevPerm); the date may be partly unknown.',
      permissions: CARE,
      schema: PreviousPermanenceInput,
      fields: PREVIOUS_PERMANENCE_FIELDS,
      save: (ctx, childId, input: PreviousPermanenceInput) =>
        addPreviousPermanence(ctx, childId, input),
    },
    {
      page: `${CHILD}/previous-permanence/:rid/edit`,
      api: { method: 'put', path: `${CHILD}/previous-permanence/:rid` },
      edit: { load: reader(PREVIOUS_PERMANENCE) },
      title: 'Correct previous permanence',
      ...edit('previous permanence'),
      flash: 'The previous permanence has been changed',
      permissions: CARE,
      schema: EditPreviousPermanenceInput,
      fields: PREVIOUS_PERMANENCE_FIELDS,
      save: (ctx, childId, input: EditPreviousPermanenceInput, rid) =>
        editPreviousPermanence(ctx, childId, rid, input),
    },
    {
      page: `${CHILD}/substance-misuse/new`,
      api: { method: 'post', path: `${CHILD}/substance-misuse` },
      title: 'Record substance misuse',
      submit: 'Save',
      flash: 'The substance misuse has been recorded',
      summary: 'Substance misuse identified, and whether an intervention was offered and received.',
      permissions: CARE,
      schema: SubstanceMisuseInput,
      fields: SUBSTANCE_MISUSE_FIELDS,
      save: (ctx, childId, input: SubstanceMisuseInput) => addSubstanceMisuse(ctx, childId, input),
    },
    {
      page: `${CHILD}/substance-misuse/:rid/edit`,
      api: { method: 'put', path: `${CHILD}/substance-misuse/:rid` },
      edit: { load: reader(SUBSTANCE_MISUSE) },
      title: 'Correct substance misuse',
      ...edit('substance misuse'),
      flash: 'The substance misuse has been changed',
      permissions: CARE,
      schema: EditSubstanceMisuseInput,
      fields: SUBSTANCE_MISUSE_FIELDS,
      save: (ctx, childId, input: EditSubstanceMisuseInput, rid) =>
        editSubstanceMisuse(ctx, childId, rid, input),
    },
    {
      page: `${CHILD}/convictions/new`,
      api: { method: 'post', path: `${CHILD}/convictions` },
      title: 'Record a conviction',
      submit: 'Save',
      flash: 'The conviction has been recorded',
      summary: 'A conviction or final warning or reprimand.',
      permissions: CARE,
      schema: ConvictionInput,
      fields: CONVICTION_FIELDS,
      save: (ctx, childId, input: ConvictionInput) => addConviction(ctx, childId, input),
    },
    {
      page: `${CHILD}/convictions/:rid/edit`,
      api: { method: 'put', path: `${CHILD}/convictions/:rid` },
      edit: { load: reader(CONVICTION) },
      title: 'Correct a conviction',
      ...edit('conviction'),
      permissions: CARE,
      schema: EditConvictionInput,
      fields: CONVICTION_FIELDS,
      save: (ctx, childId, input: EditConvictionInput, rid) =>
        editConviction(ctx, childId, rid, input),
    },
    {
      page: `${CHILD}/allocations/:rid/end`,
      api: { method: 'post', path: `${CHILD}/allocations/:rid/end` },
      edit: { load: reader(ALLOCATION) },
      title: 'End an allocation',
      submit: 'End allocation',
      flash: 'The allocation has ended',
      summary: 'End a worker’s allocation (with the reason when it is the social worker’s).',
      permissions: CARE,
      schema: EndAllocationInput,
      fields: () => [
        { name: 'endDate', kind: 'date', label: 'Date the allocation ends' },
        swReason('Reason the allocation ends (for a social worker)', 'Not applicable'),
      ],
      save: (ctx, childId, input: EndAllocationInput, rid) =>
        endAllocation(ctx, childId, rid, input),
    },
    {
      page: `${CHILD}/social-worker/change`,
      api: { method: 'post', path: `${CHILD}/social-worker` },
      title: 'Change social worker',
      submit: 'Change social worker',
      flash: 'The social worker has been changed',
      summary:
        'End the current social worker’s allocation and start the new one on the same day, with the reason.',
      permissions: CARE,
      needs: ['users'],
      schema: ChangeSocialWorkerInput,
      fields: (o) => [
        {
          name: 'userId',
          kind: 'select',
          numeric: true,
          label: 'New social worker',
          items: [{ value: '', text: 'Select a social worker' }, ...o.users],
        },
        { name: 'startDate', kind: 'date', label: 'Date the new social worker starts' },
        swReason('Reason for the change'),
      ],
      save: (ctx, childId, input: ChangeSocialWorkerInput) =>
        changeSocialWorker(ctx, childId, input),
    },
  ];
}
