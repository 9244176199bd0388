// Matching a request (the pure ranking in src/domain/matching over the candidates as they stand on
// the date needed) and the placement officer's decision. Making the placement goes through the
// recording area's addPlacement, with its overlap and capacity checks and its lock on the
// household's, home's or service's row (so two decisions into the last free place, bed or place
// cannot both succeed) and its audit; the 903 episodes follow from the placement row. A child who is not looked after on the start date
// (an emergency, or a planned entry to care) has the period of care started by the decision
// instead: recording's startPeriod with the legal status and category of need given with the
// decision, and the chosen option as the first placement. The decision is one transaction: the
// request is locked and its version checked, the chosen option re-checked, addPlacement (or
// startPeriod) runs in the same transaction, and the request is closed; any refusal rolls all of it
// back, so the request stays open with its version unchanged and no placement is made.
import { ageOn } from '../../domain/dates/index.ts';
import { compactPostcode, type Centroid } from '../../domain/geo/distance.ts';
import {
  matchCandidates,
  type Candidate,
  type MatchRequest,
  type MatchResult,
} from '../../domain/matching/match.ts';
import { ForbiddenError, can } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { PLACING, addPlacement, startPeriod } from '../recording/careService.ts';
import type { Trx } from '../recording/childLock.ts';
import { RecordProblems, StaleVersion } from '../recording/problems.ts';
import { NewPlacementInput, StartPeriodInput } from '../recording/schemas.ts';
import { loadCandidates } from './candidates.ts';
import { currentValues, loadRequest, type Ctx, type RequestView } from './requestService.ts';
import type { DecisionInput } from './schemas.ts';

function requireManage(ctx: Ctx): void {
  if (!can(ctx.actor, 'placement:manage')) throw new ForbiddenError();
}

async function match(trx: Trx, ctx: Ctx, r: RequestView): Promise<MatchResult> {
  const childAge = r.dateNeeded >= r.dateOfBirth ? ageOn(r.dateOfBirth, r.dateNeeded) : 0;
  const { candidates, centroids } = await loadCandidates(trx, r.dateNeeded, childAge, ctx.today, [
    r.homePostcode,
    r.schoolPostcode,
    ...r.nearPostcodes,
  ]);
  const at = (p: string | null): Centroid | null => {
    const c = p ? compactPostcode(p) : null;
    return c ? (centroids.get(c) ?? null) : null;
  };
  const req: MatchRequest = {
    childAge,
    emergency: r.kind === 'emergency',
    placeTypes: r.placeTypes,
    childrenTogether: r.childrenTogether,
    needs: r.needs,
    risksToChild: r.risksToChild,
    risksFromChild: r.risksFromChild,
    languages: r.languages,
    religion: r.religion,
    home: at(r.homePostcode),
    school: at(r.schoolPostcode),
    near: r.nearPostcodes.map(at).filter((c) => c !== null),
    avoidDistricts: r.avoidDistricts,
  };
  return matchCandidates(req, candidates);
}

/**
 * Whether placing the child from `startDate` starts a period of care: none is open on that date
 * and none is open now (a child whose open period starts later is refused by the record instead).
 */
async function startsCare(trx: Trx, childId: number, startDate: string): Promise<boolean> {
  const open = await trx
    .selectFrom('period_of_care')
    .select('id')
    .where('child_id', '=', childId)
    .where((eb) =>
      eb.or([
        eb('end_date', 'is', null),
        eb.and([eb('start_date', '<=', startDate), eb('end_date', '>', startDate)]),
      ]),
    )
    .executeTakeFirst();
  return open === undefined;
}

/**
 * The request and its ranked options with their factors, and the excluded with their reasons; and
 * whether a placement from `startDate` (default today) would start the child's period of care.
 */
export async function matchesFor(
  ctx: Ctx,
  id: number,
  startDate: string = ctx.today,
): Promise<{ request: RequestView; result: MatchResult; startsCare: boolean }> {
  requireManage(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const request = await loadRequest(trx, ctx, id);
    const result = await match(trx, ctx, request);
    const starts = await startsCare(trx, request.childId, startDate);
    await audit(trx, ctx.actor, {
      action: 'read',
      recordType: 'placement_match',
      recordId: id,
      childId: request.childId,
      detail: { ranked: result.ranked.length, excluded: result.excluded.length },
    });
    return { request, result, startsCare: starts };
  });
}

interface Claimed {
  request: RequestView;
  chosen: Candidate;
  declined: { key: string; name: string; reason: string }[];
  placement: Record<string, unknown>;
  /** The legal status and category of need that start the period of care, when the placement does. */
  entry: { legalStatus: string; categoryOfNeed: string } | null;
}

/** Where the chosen option puts the child, in the recording form's terms. */
async function placementFor(
  trx: Trx,
  c: Candidate,
  input: DecisionInput,
): Promise<Record<string, unknown>> {
  const id = Number(c.key.slice(c.key.indexOf(':') + 1));
  const base = { startDate: input.startDate, reasonForChange: input.reasonForChange, urn: null };
  if (c.kind === 'in_house_fostering')
    return {
      ...base,
      placeType: 'U6',
      provider: 'PR1',
      householdId: id,
      homeId: null,
      postcode: null,
    };
  if (c.kind === 'mockingbird_hub') {
    const hub = await trx
      .selectFrom('mockingbird_constellation')
      .select('hub_household_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return {
      ...base,
      placeType: 'U6',
      provider: 'PR1',
      householdId: hub.hub_household_id,
      homeId: null,
      postcode: null,
    };
  }
  if (c.kind === 'in_house_home' || c.kind === 'external_home') {
    const home = await trx
      .selectFrom('home')
      .innerJoin('provider', 'provider.id', 'home.provider_id')
      .select(['provider.place_provider'])
      .where('home.id', '=', id)
      .executeTakeFirstOrThrow();
    return {
      ...base,
      placeType: 'K2',
      provider: c.kind === 'in_house_home' ? 'PR1' : (home.place_provider ?? 'PR4'),
      householdId: null,
      homeId: id,
      postcode: null,
    };
  }
  if (c.kind === 'supported_accommodation') {
    const service = await trx
      .selectFrom('supported_accommodation as sa')
      .innerJoin('provider', 'provider.id', 'sa.provider_id')
      .select(['provider.kind', 'provider.place_provider'])
      .where('sa.id', '=', id)
      .executeTakeFirstOrThrow();
    return {
      ...base,
      placeType: 'K3',
      provider: service.place_provider ?? (service.kind === 'in_house' ? 'PR1' : 'PR4'),
      householdId: null,
      homeId: null,
      supportedAccommodationId: id,
      postcode: null,
    };
  }
  const agency = await trx
    .selectFrom('provider')
    .select(['place_provider', 'postcode'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    ...base,
    placeType: 'U6',
    provider: agency.place_provider ?? 'PR4',
    householdId: null,
    homeId: null,
    postcode: agency.postcode,
  };
}

const FIELD_OF: Record<string, string> = {
  householdId: 'chosenOption',
  homeId: 'chosenOption',
  supportedAccommodationId: 'chosenOption',
  postcode: 'chosenOption',
  urn: 'chosenOption',
  placeType: 'chosenOption',
  provider: 'chosenOption',
};

async function claim(trx: Trx, ctx: Ctx, id: number, input: DecisionInput): Promise<Claimed> {
  {
    const request = await loadRequest(trx, ctx, id, true);
    if (request.version !== input.version) throw new StaleVersion(currentValues(request));
    if (request.status !== 'open')
      throw new RecordProblems([
        {
          field: 'chosenOption',
          message:
            request.status === 'awaiting_approval'
              ? 'This request must be approved by a manager before a placement is made'
              : 'This request is no longer open',
        },
      ]);
    const result = await match(trx, ctx, request);
    const byKey = new Map<string, { c: Candidate; reasons: string[] }>();
    for (const m of result.ranked) byKey.set(m.candidate.key, { c: m.candidate, reasons: [] });
    for (const e of result.excluded)
      byKey.set(e.candidate.key, { c: e.candidate, reasons: e.reasons });
    const chosen = byKey.get(input.chosenOption);
    const problems: { field: string; message: string }[] = [];
    if (!chosen)
      problems.push({ field: 'chosenOption', message: 'Select the option chosen from the list' });
    else if (chosen.reasons.length > 0)
      problems.push({
        field: 'chosenOption',
        message: `${chosen.c.name} cannot be chosen: ${chosen.reasons.join('; ')}`,
      });
    const declined: Claimed['declined'] = [];
    for (const d of input.declined) {
      const c = byKey.get(d.option);
      if (!c || d.option === input.chosenOption)
        problems.push({
          field: 'declined',
          message: 'Select declined options from the list, other than the one chosen',
        });
      else declined.push({ key: d.option, name: c.c.name, reason: d.reason });
    }
    let entry: Claimed['entry'] = null;
    if (await startsCare(trx, request.childId, input.startDate)) {
      if (input.legalStatus === null)
        problems.push({
          field: 'legalStatus',
          message: 'Select the legal status: the child is not looked after on the start date',
        });
      if (input.categoryOfNeed === null)
        problems.push({
          field: 'categoryOfNeed',
          message: 'Select the category of need: the child is not looked after on the start date',
        });
      if (input.legalStatus !== null && input.categoryOfNeed !== null)
        entry = { legalStatus: input.legalStatus, categoryOfNeed: input.categoryOfNeed };
    }
    if (problems.length > 0 || !chosen) throw new RecordProblems(problems);
    const placement = await placementFor(trx, chosen.c, input);
    const parsed = NewPlacementInput.safeParse(placement);
    if (!parsed.success)
      throw new RecordProblems(
        parsed.error.issues.map((i) => ({
          field: FIELD_OF[String(i.path[0])] ?? String(i.path[0] ?? 'chosenOption'),
          message: i.message,
        })),
      );
    return { request, chosen: chosen.c, declined, placement, entry };
  }
}

/** Starts the child's period of care with the placement; answers the placement's id. */
async function startCare(
  trx: Trx,
  ctx: Ctx,
  childId: number,
  values: Record<string, unknown>,
): Promise<number> {
  const periodId = await startPeriod(
    { ...ctx, db: trx },
    childId,
    StartPeriodInput.parse(values),
    PLACING,
  );
  const placement = await trx
    .selectFrom('placement')
    .select('id')
    .where('period_of_care_id', '=', periodId)
    .executeTakeFirstOrThrow();
  return placement.id;
}

/**
 * Records the decision and makes the placement (starting the period of care for a child not looked
 * after on the start date), in one transaction. Refusals (stale version, an option that cannot be
 * chosen, the recording area's own refusals such as no free place) leave nothing saved: the
 * request is as it was.
 */
export async function decide(ctx: Ctx, id: number, input: DecisionInput): Promise<number> {
  requireManage(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const { request, chosen, declined, placement, entry } = await claim(trx, ctx, id, input);
    let placementId: number;
    try {
      placementId =
        entry === null
          ? await addPlacement(
              { ...ctx, db: trx },
              request.childId,
              NewPlacementInput.parse(placement),
            )
          : await startCare(trx, ctx, request.childId, { ...placement, ...entry });
    } catch (err) {
      if (err instanceof RecordProblems)
        throw new RecordProblems(
          err.problems.map((p) => ({ field: FIELD_OF[p.field] ?? p.field, message: p.message })),
        );
      throw err;
    }
    await trx
      .updateTable('placement_request')
      .set((eb) => ({
        status: 'placed',
        placement_id: placementId,
        decided_by: ctx.actor.userId,
        decided_at: new Date(),
        chosen_option: chosen.key,
        chosen_name: chosen.name,
        decision_reason: input.reason,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
    if (declined.length > 0)
      await trx
        .insertInto('placement_request_declined')
        .values(
          declined.map((d) => ({
            request_id: id,
            option_key: d.key,
            option_name: d.name,
            reason: d.reason,
          })),
        )
        .execute();
    // The agreed weekly cost of the placement, when the option's cost is known and none is set.
    if (chosen.weeklyCost !== null)
      await trx
        .updateTable('placement')
        .set({ weekly_cost: chosen.weeklyCost })
        .where('id', '=', placementId)
        .where('weekly_cost', 'is', null)
        .execute();
    await audit(trx, ctx.actor, {
      action: 'update',
      recordType: 'placement_request',
      recordId: id,
      childId: request.childId,
      detail: {
        decided: chosen.key,
        placementId,
        declined: declined.map((d) => d.key),
      },
    });
    return placementId;
  });
}
