// Corrections to dated events: reviews, visits, health assessments, immunisation status, SDQ scores,
// missing episodes and care leaver contacts. Each is a RecordKind (how to read it for its form) and
// an edit that saves with optimistic locking through recordEdit.ts.
import type { Ctx } from './careService.ts';
import type {
  EditCareLeaverContactInput,
  EditHealthAssessmentInput,
  EditImmunisationInput,
  EditMissingInput,
  EditReviewInput,
  EditSdqInput,
  EditVisitInput,
} from './editSchemas.ts';
import { PERMISSIONS_FOR, contactDetail, missingOrder } from './eventService.ts';
import { saveEdit, type RecordKind, type Values } from './recordEdit.ts';

export const REVIEW: RecordKind<Values> = {
  recordType: 'review',
  permissions: PERMISSIONS_FOR.review,
  load: async (trx, childId, id) => {
    const r = await trx
      .selectFrom('review')
      .select(['held_date', 'participation', 'version'])
      .where('id', '=', id)
      .where('child_id', '=', childId)
      .executeTakeFirst();
    return r && { heldDate: r.held_date, participation: r.participation, version: r.version };
  },
};

export async function editReview(ctx: Ctx, childId: number, id: number, input: EditReviewInput) {
  await saveEdit(ctx, REVIEW, childId, id, {
    version: input.version,
    dates: [{ field: 'heldDate', what: 'the date the review was held', value: input.heldDate }],
    write: (trx) =>
      trx
        .updateTable('review')
        .set((eb) => ({
          held_date: input.heldDate,
          participation: input.participation,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst(),
    detail: { ...input },
  });
}

export const VISIT: RecordKind<EditVisitInput> = {
  recordType: 'visit',
  permissions: PERMISSIONS_FOR.casework,
  load: async (trx, childId, id) => {
    const r = await trx
      .selectFrom('visit')
      .select(['visit_date', 'seen', 'seen_alone', 'version'])
      .where('id', '=', id)
      .where('child_id', '=', childId)
      .executeTakeFirst();
    return (
      r && { visitDate: r.visit_date, seen: r.seen, seenAlone: r.seen_alone, version: r.version }
    );
  },
};

export async function editVisit(ctx: Ctx, childId: number, id: number, input: EditVisitInput) {
  await saveEdit(ctx, VISIT, childId, id, {
    version: input.version,
    dates: [{ field: 'visitDate', what: 'the date of the visit', value: input.visitDate }],
    write: (trx) =>
      trx
        .updateTable('visit')
        .set((eb) => ({
          visit_date: input.visitDate,
          seen: input.seen,
          seen_alone: input.seenAlone,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst(),
    detail: { ...input },
  });
}

export const HEALTH_ASSESSMENT: RecordKind<EditHealthAssessmentInput> = {
  recordType: 'health_assessment',
  permissions: PERMISSIONS_FOR.casework,
  load: async (trx, childId, id) => {
    const r = await trx
      .selectFrom('health_assessment')
      .select(['kind', 'assessment_date', 'version'])
      .where('id', '=', id)
      .where('child_id', '=', childId)
      .executeTakeFirst();
    return r && { kind: r.kind, date: r.assessment_date, version: r.version };
  },
};

export async function editHealthAssessment(
  ctx: Ctx,
  childId: number,
  id: number,
  input: EditHealthAssessmentInput,
) {
  await saveEdit(ctx, HEALTH_ASSESSMENT, childId, id, {
    version: input.version,
    dates: [{ field: 'date', what: 'the date of the assessment', value: input.date }],
    write: (trx) =>
      trx
        .updateTable('health_assessment')
        .set((eb) => ({
          kind: input.kind,
          assessment_date: input.date,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst(),
    detail: { ...input },
  });
}

export const IMMUNISATION: RecordKind<EditImmunisationInput> = {
  recordType: 'immunisation_status',
  permissions: PERMISSIONS_FOR.casework,
  load: async (trx, childId, id) => {
    const r = await trx
      .selectFrom('immunisation_status')
      .select(['as_at', 'up_to_date', 'version'])
      .where('id', '=', id)
      .where('child_id', '=', childId)
      .executeTakeFirst();
    return r && { date: r.as_at, upToDate: r.up_to_date, version: r.version };
  },
};

export async function editImmunisation(
  ctx: Ctx,
  childId: number,
  id: number,
  input: EditImmunisationInput,
) {
  await saveEdit(ctx, IMMUNISATION, childId, id, {
    version: input.version,
    dates: [{ field: 'date', what: 'the date of the immunisation status', value: input.date }],
    write: (trx) =>
      trx
        .updateTable('immunisation_status')
        .set((eb) => ({
          as_at: input.date,
          up_to_date: input.upToDate,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst(),
    detail: { ...input },
  });
}

export const SDQ: RecordKind<Values> = {
  recordType: 'sdq',
  permissions: PERMISSIONS_FOR.casework,
  load: async (trx, childId, id) => {
    const r = await trx
      .selectFrom('sdq')
      .select(['sdq_date', 'score', 'reason', 'version'])
      .where('id', '=', id)
      .where('child_id', '=', childId)
      .executeTakeFirst();
    return r && { date: r.sdq_date, score: r.score, sdqReason: r.reason, version: r.version };
  },
};

export async function editSdq(ctx: Ctx, childId: number, id: number, input: EditSdqInput) {
  await saveEdit(ctx, SDQ, childId, id, {
    version: input.version,
    dates: [{ field: 'date', what: 'the date of the SDQ', value: input.date }],
    write: (trx) =>
      trx
        .updateTable('sdq')
        .set((eb) => ({
          sdq_date: input.date,
          score: input.score,
          reason: input.sdqReason,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst(),
    detail: { ...input },
  });
}

export const MISSING: RecordKind<EditMissingInput> = {
  recordType: 'missing_episode',
  permissions: PERMISSIONS_FOR.casework,
  load: async (trx, childId, id) => {
    const r = await trx
      .selectFrom('missing_episode')
      .selectAll()
      .where('id', '=', id)
      .where('child_id', '=', childId)
      .executeTakeFirst();
    return (
      r && {
        kind: r.kind,
        startDate: r.start_date,
        endDate: r.end_date,
        interviewOffered: r.return_interview_offered,
        interviewAccepted: r.return_interview_accepted,
        version: r.version,
      }
    );
  },
};

export async function editMissing(ctx: Ctx, childId: number, id: number, input: EditMissingInput) {
  await saveEdit(ctx, MISSING, childId, id, {
    version: input.version,
    dates: [
      {
        field: 'startDate',
        what: 'the date the child went missing or away',
        value: input.startDate,
      },
      { field: 'endDate', what: 'the date the child returned', value: input.endDate },
      {
        field: 'interviewOffered',
        what: 'the date the return interview was offered',
        value: input.interviewOffered,
      },
    ],
    checks: () => missingOrder(input),
    write: (trx) =>
      trx
        .updateTable('missing_episode')
        .set((eb) => ({
          kind: input.kind,
          start_date: input.startDate,
          end_date: input.endDate,
          return_interview_offered: input.interviewOffered,
          return_interview_accepted: input.interviewAccepted,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst(),
    detail: { ...input },
  });
}

export const CARE_LEAVER_CONTACT: RecordKind<EditCareLeaverContactInput> = {
  recordType: 'care_leaver_contact',
  permissions: PERMISSIONS_FOR.careLeaverContact,
  load: async (trx, childId, id) => {
    const r = await trx
      .selectFrom('care_leaver_contact')
      .selectAll()
      .where('id', '=', id)
      .where('child_id', '=', childId)
      .executeTakeFirst();
    return (
      r && {
        contactDate: r.contact_date,
        inTouch: r.in_touch,
        activity: r.activity,
        accommodation: r.accommodation,
        version: r.version,
      }
    );
  },
};

export async function editCareLeaverContact(
  ctx: Ctx,
  childId: number,
  id: number,
  input: EditCareLeaverContactInput,
) {
  await saveEdit(ctx, CARE_LEAVER_CONTACT, childId, id, {
    version: input.version,
    dates: [{ field: 'contactDate', what: 'the date of the contact', value: input.contactDate }],
    checks: () => contactDetail(input),
    write: (trx) =>
      trx
        .updateTable('care_leaver_contact')
        .set((eb) => ({
          contact_date: input.contactDate,
          in_touch: input.inTouch,
          activity: input.activity,
          accommodation: input.accommodation,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst(),
    detail: { ...input },
  });
}
