// SSDA903 codes in words: the one table, for the record pages and the forms (../recording/codes.ts
// offers the current year's codes with these words). Wording follows the DfE 903 guidance
// (children looked after return). codes.test.ts checks every code in the spec's code lists has a
// label here, so a new code cannot reach a page as a bare code.

export const CODE_LABELS = {
  LS: {
    C1: 'Interim care order',
    C2: 'Full care order',
    D1: 'Freeing order granted',
    E1: 'Placement order granted',
    J1: 'Remanded to local authority accommodation or youth detention accommodation',
    J2: 'Placed in local authority accommodation under the Police and Criminal Evidence Act 1984',
    J3: 'Sentenced to a youth rehabilitation order with residence or fostering requirement',
    L1: 'Under police protection and in local authority accommodation',
    L2: 'Emergency protection order',
    L3: 'Under a child assessment order and in local authority accommodation',
    V2: 'Single period of accommodation under section 20',
    V3: 'Accommodated under an agreed series of short-term breaks (single placements)',
    V4: 'Accommodated under an agreed series of short-term breaks (multiple placements)',
  },
  PLACE: {
    A3: 'Placed for adoption with parental or guardian consent with current foster carer(s)',
    A4: 'Placed for adoption with parental or guardian consent not with current foster carer(s)',
    A5: 'Placed for adoption with placement order with current foster carer(s)',
    A6: 'Placed for adoption with placement order not with current foster carer(s)',
    H5: 'Semi-independent living accommodation not subject to children’s homes regulations',
    K1: 'Secure children’s home',
    K2: 'Children’s home',
    K3: 'Supported accommodation registered with Ofsted',
    P1: 'Placed with own parent(s) or other person(s) with parental responsibility',
    P2: 'Independent living, for example in a flat, lodgings, bedsit or bed and breakfast',
    P3: 'Residential employment',
    R1: 'Residential care home',
    R2: 'NHS or health trust or other establishment providing medical or nursing care',
    R3: 'Family centre or mother and baby unit',
    R5: 'Young offender institution or prison',
    S1: 'All residential schools, except where dual-registered as a school and children’s home',
    T0: 'Temporary placement: all types',
    T1: 'Temporary periods in hospital',
    T2: 'Temporary absences of the child on holiday',
    T3: 'Temporary accommodation while the normal foster carer is off',
    T4: 'Temporary accommodation of seven days or less',
    U1: 'Foster placement with a relative or friend: long-term fostering',
    U2: 'Foster placement with a relative or friend who is also an approved adopter: fostering for adoption or concurrent planning',
    U3: 'Foster placement with a relative or friend who is not long-term or fostering for adoption',
    U4: 'Foster placement with another foster carer: long-term fostering',
    U5: 'Foster placement with another foster carer who is also an approved adopter: fostering for adoption or concurrent planning',
    U6: 'Foster placement with another foster carer: not long-term or fostering for adoption',
    Z1: 'Other placement',
    Z11: 'Other placement: supported lodgings',
    Z12: 'Other placement: hotel or bed and breakfast',
    Z13: 'Other placement: unregistered provision',
    Z14: 'Other placement: other',
  },
  PLACE_PROVIDER: {
    PR0: 'Parent(s) or other person(s) with parental responsibility',
    PR1: 'Own provision by the local authority',
    PR2: 'Other local authority provision',
    PR3: 'Other public provision, for example a primary care trust',
    PR4: 'Private provision',
    PR5: 'Voluntary or third sector provision',
  },
  RNE: {
    S: 'Started to be looked after',
    L: 'Change of legal status only',
    P: 'Change of placement and carer(s) only',
    T: 'Change of placement only (same carer(s))',
    B: 'Change of legal status and placement and carer(s) at the same time',
    U: 'Change of legal status and placement at the same time (same carer(s))',
  },
  REC: {
    X1: 'Episode ceases and a new one begins in the same period of care',
    E11: 'Adopted: application for an adoption order unopposed',
    E12: 'Adopted: consent dispensed with by the court',
    E13: 'Left care to live with parent(s), relative(s) or other person(s) with no parental responsibility',
    E14: 'Accommodation on remand ended',
    E15: 'Age assessment determined child is aged 18 or over',
    E16: 'Child moved abroad',
    E17: 'Aged 18 (or over) and remained with current carers (staying put)',
    E2: 'Died',
    E3: 'Care taken over by another local authority in the UK',
    E41: 'Residence order or child arrangements order granted',
    E45: 'Special guardianship order made to former foster carer(s) who were or are a relative or friend',
    E46: 'Special guardianship order made to former foster carer(s) other than a relative or friend',
    E47: 'Special guardianship order made to carer(s) other than former foster carer(s), who are a relative or friend',
    E48: 'Special guardianship order made to carer(s) other than former foster carer(s), other than a relative or friend',
    E4A: 'Returned home to live with parent(s), relative(s) or other person(s) with parental responsibility as part of the care planning process',
    E4B: 'Returned home to live with parent(s), relative(s) or other person(s) with parental responsibility not as part of the care planning process',
    E5: 'Moved into independent living arrangement and no longer looked after: supportive accommodation',
    E6: 'Moved into independent living arrangement and no longer looked after: no formalised support',
    E7: 'Transferred to residential care funded by adult social care',
    E8: 'Period of being looked after ceased for any other reason',
    E9: 'Sentenced to custody',
  },
  CIN: {
    N1: 'Abuse or neglect',
    N2: 'Child’s disability',
    N3: 'Parental illness or disability',
    N4: 'Family in acute stress',
    N5: 'Family dysfunction',
    N6: 'Socially unacceptable behaviour',
    N7: 'Low income',
    N8: 'Absent parenting',
  },
  REASON_PLACE_CHANGE: {
    CARPL: 'Change to the care plan to implement the plan',
    CLOSE: 'Resignation or closure of the provision',
    ALLEG: 'Allegation (section 47 enquiry)',
    STAND: 'Standards of care concern',
    APPRR: 'Change of status of the carer’s approval',
    CREQB: 'Carer requests placement end due to the child’s behaviour',
    CREQO: 'Carer requests placement end for another reason',
    CHILD: 'Child requests placement end',
    LAREQ: 'Responsible or area authority requests placement end',
    PLACE: 'Change of placement type or provider',
    CUSTOD: 'Child in custody',
    OTHER: 'Other',
  },
  REVIEW_CODE: {
    PN0: 'Child aged under 4 at the time of the review',
    PN1: 'Child physically attended and spoke for themselves',
    PN2: 'Child physically attended and an advocate spoke for them',
    PN3: 'Child attended and conveyed their views non-verbally',
    PN4: 'Child physically attended but did not convey their views',
    PN5: 'Child did not attend but briefed an advocate to speak for them',
    PN6: 'Child did not attend but conveyed their feelings by another method',
    PN7: 'Child did not attend and their views were not conveyed',
  },
  IN_TOUCH: {
    YES: 'In touch',
    NO: 'Not in touch',
    DIED: 'Died',
    REFU: 'Refused contact',
    NREQ: 'No longer requires services',
    RHOM: 'Returned home to parents for six months or more',
  },
  ACTIV: {
    F1: 'Full time in higher education',
    P1: 'Part time in higher education',
    F2: 'Full time in education other than higher education',
    P2: 'Part time in education other than higher education',
    F4: 'Full time in training or employment',
    P4: 'Part time in training or employment',
    F5: 'Full time in an apprenticeship',
    P5: 'Part time in an apprenticeship',
    G4: 'Not in education, employment or training: illness or disability',
    G5: 'Not in education, employment or training: other reasons',
    G6: 'Not in education, employment or training: pregnancy or parenting',
    '0': 'Not known (not in touch)',
  },
  ACCOM: {
    B: 'With parents or relatives',
    C: 'Community home or other residential care',
    D: 'Semi-independent, transitional accommodation',
    E: 'Supported lodgings',
    G: 'Gone abroad',
    H: 'Deported',
    K: 'Ordinary lodgings, without support',
    R: 'Residence not known',
    S: 'No fixed abode or homeless',
    T: 'Foyers and similar supported accommodation',
    U: 'Independent living',
    V: 'Emergency accommodation',
    W: 'Bed and breakfast',
    X: 'In custody',
    Y: 'Other accommodation',
    Z: 'With former foster carers',
    '0': 'Not known (not in touch)',
  },
  PREV_PERM: {
    P1: 'Adoption',
    P2: 'Special guardianship order',
    P3: 'Residence order or child arrangements order',
    P4: 'Previous permanence order made outside England',
    Z1: 'Not applicable or not known',
  },
  MISSING: {
    M: 'Missing (whereabouts unknown)',
    A: 'Away from placement without authorisation',
  },
  SDQ_REASON: {
    SDQ1: 'No form returned as child was aged under 4 or over 17 at the date of the assessment',
    SDQ2: 'Carer refused to complete and return the questionnaire',
    SDQ3: 'Not possible to complete the questionnaire due to the severity of the child’s disability',
    SDQ4: 'Other',
    SDQ5: 'Child or young person refuses to allow an SDQ to be completed',
  },
  REASON_PLACED_CEASED: {
    RD1: 'The child’s needs changed after the decision',
    RD2: 'The court did not make a placement order',
    RD3: 'Prospective adopters could not be found',
    RD4: 'Any other reason',
  },
  SW_REASON: {
    MANAGE: 'Management decision',
    FCONTA: 'Social worker’s fixed-term contract ended',
    LEFTRL: 'Social worker left the role',
    ORGRST: 'Organisational restructure',
    TSPROC: 'Transfer at a stage of the process',
    ABSENC: 'Social worker absent',
    CHCHAN: 'Child asked for a change',
    PCCHAN: 'Parent or carer asked for a change',
    SWDIED: 'Social worker died',
    OTHERS: 'Other reason',
  },
  ETHNIC: {
    WBRI: 'White British',
    WIRI: 'White Irish',
    WOTH: 'Any other White background',
    WIRT: 'Traveller of Irish heritage',
    WROM: 'Gypsy or Roma',
    MWBC: 'White and Black Caribbean',
    MWBA: 'White and Black African',
    MWAS: 'White and Asian',
    MOTH: 'Any other mixed background',
    AIND: 'Indian',
    APKN: 'Pakistani',
    ABAN: 'Bangladeshi',
    AOTH: 'Any other Asian background',
    BCRB: 'Black Caribbean',
    BAFR: 'Black African',
    BOTH: 'Any other Black background',
    CHNE: 'Chinese',
    OOTH: 'Any other ethnic group',
    REFU: 'Refused',
    NOBT: 'Information not yet obtained',
  },
} as const satisfies Record<string, Record<string, string>>;

export type CodeList = keyof typeof CODE_LABELS;

/** A code's meaning in words; an unknown code is said to be unknown rather than hidden. */
export function meaning(list: CodeList, code: string | null | undefined): string | null {
  if (code == null || code === '') return null;
  if (list === 'ACCOM') {
    const kind = (CODE_LABELS.ACCOM as Record<string, string>)[code.slice(0, 1)];
    if (!kind) return `Unknown code ${code}`;
    if (code === '0') return kind;
    const suitable =
      code.slice(1) === '1' ? 'suitable' : code.slice(1) === '2' ? 'not suitable' : '';
    return suitable ? `${kind} (${suitable})` : kind;
  }
  return (CODE_LABELS[list] as Record<string, string>)[code] ?? `Unknown code ${code}`;
}

/** "C2: Full care order", for tables that show the code beside its meaning. */
export function codeAndMeaning(list: CodeList, code: string | null | undefined): string {
  if (code == null || code === '') return '';
  return `${code}: ${meaning(list, code) ?? ''}`;
}

export const HEALTH_KIND_LABELS: Record<string, string> = {
  initial: 'Initial health assessment',
  review: 'Review health assessment',
  dental: 'Dental check',
};

export const OFSTED_GRADE_LABELS: Record<string, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement to be good',
  inadequate: 'Inadequate',
  not_inspected: 'Not yet inspected',
};

export const PROVIDER_KIND_LABELS: Record<string, string> = {
  in_house: 'In-house (the council)',
  private: 'Private',
  voluntary: 'Voluntary',
  ifa: 'Independent fostering agency',
  other_la: 'Another local authority',
  health: 'Health provider',
};

export const APPROVAL_TYPE_LABELS: Record<string, string> = {
  mainstream: 'Mainstream foster carers',
  connected: 'Family and friends (connected person)',
  short_breaks: 'Short breaks',
  staying_put: 'Staying put',
};

export const HOUSEHOLD_STATUS_LABELS: Record<string, string> = {
  assessment: 'In assessment',
  reg24: 'Temporarily approved (Regulation 24)',
  approved: 'Approved',
  on_hold: 'On hold',
  resigned: 'Resigned',
  deregistered: 'Deregistered',
  withdrawn: 'Withdrew before approval',
};

export const PERMANENCE_ORDER_LABELS: Record<string, string> = {
  sgo: 'Special guardianship order',
  cao: 'Child arrangements order',
  adoption: 'Adoption order',
};

export const SEX_LABELS: Record<string, string> = { M: 'Male', F: 'Female', U: 'Not known' };
