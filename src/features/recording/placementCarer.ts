// Who cares for the child in a placement, from the form's choice of a fostering household, a
// children's home or a 16+ supported accommodation service: the placement row's postcode, URN and
// provider (the carer's own unless the form gives them), the carer reference the care facts use,
// and the locked capacity check of the one chosen (capacity.ts).
import { homeProblems, householdProblems, supportedProblems } from './capacity.ts';
import type { Trx } from './childLock.ts';
import type { FieldProblem } from './fields.ts';

export interface CarerChoice {
  householdId: number | null;
  homeId: number | null;
  supportedAccommodationId: number | null;
  postcode: string | null;
  urn: string | null;
}

export interface CarerDetails {
  postcode: string | null;
  urn: string | null;
  providerId: number | null;
  problems: FieldProblem[];
}

const refused = (field: string, message: string): CarerDetails => ({
  postcode: null,
  urn: null,
  providerId: null,
  problems: [{ field, message }],
});

/** Carer details of a placement row: the household's, home's or service's postcode and URN by default. */
export async function carerDetails(trx: Trx, input: CarerChoice): Promise<CarerDetails> {
  if (input.homeId !== null) {
    const home = await trx
      .selectFrom('home')
      .select(['postcode', 'urn', 'provider_id'])
      .where('id', '=', input.homeId)
      .executeTakeFirst();
    if (!home) return refused('homeId', 'Select a home from the list');
    return {
      postcode: input.postcode ?? home.postcode,
      urn: input.urn ?? home.urn,
      providerId: home.provider_id,
      problems: [],
    };
  }
  if (input.supportedAccommodationId !== null) {
    const service = await trx
      .selectFrom('supported_accommodation')
      .select(['postcode', 'ofsted_urn', 'provider_id'])
      .where('id', '=', input.supportedAccommodationId)
      .executeTakeFirst();
    if (!service)
      return refused(
        'supportedAccommodationId',
        'Select a supported accommodation service from the list',
      );
    return {
      postcode: input.postcode ?? service.postcode,
      urn: input.urn ?? service.ofsted_urn,
      providerId: service.provider_id,
      problems: [],
    };
  }
  if (input.householdId !== null) {
    const h = await trx
      .selectFrom('fostering_household')
      .select('postcode')
      .where('id', '=', input.householdId)
      .executeTakeFirst();
    return {
      postcode: input.postcode ?? h?.postcode ?? null,
      urn: input.urn,
      providerId: null,
      problems: [],
    };
  }
  return { postcode: input.postcode, urn: input.urn, providerId: null, problems: [] };
}

export function carerRef(input: {
  householdId: number | null;
  homeId: number | null;
  supportedAccommodationId: number | null;
}): string | null {
  if (input.householdId !== null) return `household:${String(input.householdId)}`;
  if (input.homeId !== null) return `home:${String(input.homeId)}`;
  if (input.supportedAccommodationId !== null)
    return `supported:${String(input.supportedAccommodationId)}`;
  return null;
}

/**
 * The locked capacity check of the carer chosen, for a placement of the child from `from`. Only
 * when the placement newly goes there or moves its start (`unchanged` says it does neither).
 */
export async function capacityProblems(
  trx: Trx,
  input: CarerChoice,
  child: { id: number; dateOfBirth: string },
  from: string,
  unchanged: (field: 'householdId' | 'homeId' | 'supportedAccommodationId') => boolean = () =>
    false,
): Promise<FieldProblem[]> {
  if (input.householdId !== null && !unchanged('householdId'))
    return householdProblems(trx, input.householdId, child.id, child.dateOfBirth, from);
  if (input.homeId !== null && !unchanged('homeId'))
    return homeProblems(trx, input.homeId, child.id, from);
  if (input.supportedAccommodationId !== null && !unchanged('supportedAccommodationId'))
    return supportedProblems(trx, input.supportedAccommodationId, child.id, from);
  return [];
}
