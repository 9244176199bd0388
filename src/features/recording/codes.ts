// 903 code lists as the forms offer them: only the codes valid in the current collection year (an
// out-of-date code such as placement P2 or Z1 is refused), each with the DfE meaning.
import { codeList, type CodeListName } from '../../domain/returns/ssda903/spec.ts';
import { YEARS, type Year } from '../../domain/returns/ssda903/types.ts';
import { todayInLondon } from '../../domain/dates/index.ts';

/** The collection year a date falls in ('2026-05-01' → '2026/27'), clamped to the years the spec holds. */
export function collectionYearOf(date: string): Year {
  const y = Number(date.slice(0, 4));
  const first = date.slice(5) >= '04-01' ? y : y - 1;
  const name = `${String(first)}/${String((first + 1) % 100).padStart(2, '0')}`;
  const known = YEARS as readonly string[];
  if (known.includes(name)) return name as Year;
  return name < YEARS[0] ? YEARS[0] : (YEARS.at(-1) ?? YEARS[0]);
}

export function today(): string {
  return todayInLondon(new Date());
}

export function currentCodes(list: CodeListName): ReadonlySet<string> {
  return codeList(list, collectionYearOf(today()));
}

export const LABELS: Partial<Record<CodeListName, Record<string, string>>> = {
  'Episodes.LS': {
    C1: 'Interim care order',
    C2: 'Full care order',
    D1: 'Freeing order granted',
    E1: 'Placement order granted',
    J1: 'Remanded to local authority accommodation or youth detention accommodation',
    J2: 'Placed in local authority accommodation under PACE',
    J3: 'Sentenced to a youth rehabilitation order with residence or fostering requirement',
    L1: 'Under police protection and in local authority accommodation',
    L2: 'Emergency protection order',
    L3: 'Under child assessment order and in local authority accommodation',
    V2: 'Single period of accommodation under section 20',
    V3: 'Accommodated under an agreed series of short-term breaks, single placements',
    V4: 'Accommodated under an agreed series of short-term breaks, series of placements',
  },
  'Episodes.CIN': {
    N1: 'Abuse or neglect',
    N2: 'Child’s disability',
    N3: 'Parental illness or disability',
    N4: 'Family in acute stress',
    N5: 'Family dysfunction',
    N6: 'Socially unacceptable behaviour',
    N7: 'Low income',
    N8: 'Absent parenting',
  },
  'Episodes.PLACE': {
    A3: 'Placed for adoption with parental or guardian consent with current foster carer(s)',
    A4: 'Placed for adoption with parental or guardian consent not with current foster carer(s)',
    A5: 'Placed for adoption with placement order with current foster carer(s)',
    A6: 'Placed for adoption with placement order not with current foster carer(s)',
    H5: 'Semi-independent living accommodation not subject to children’s homes regulations',
    K1: 'Secure children’s home',
    K2: 'Children’s home subject to children’s homes regulations',
    K3: 'Supported accommodation registered with Ofsted',
    P1: 'Placed with own parent(s) or other person(s) with parental responsibility',
    P2: 'Independent living, for example flat, lodgings, bedsit, B&B or with friends',
    P3: 'Residential employment',
    R1: 'Residential care home',
    R2: 'NHS or health trust or other establishment providing medical or nursing care',
    R3: 'Family centre or mother and baby unit',
    R5: 'Young offender institution or prison',
    S1: 'All residential schools, except where dual-registered as a school and children’s home',
    T0: 'Temporary placement: all types of temporary move',
    T1: 'Temporary periods in hospital',
    T2: 'Temporary absences of the child on holiday',
    T3: 'Temporary accommodation whilst normal foster carer(s) is on holiday',
    T4: 'Temporary accommodation of seven days or less',
    U1: 'Foster placement with relative or friend, long term fostering',
    U2: 'Foster placement with relative or friend who is also an approved adopter (FFA)',
    U3: 'Foster placement with relative or friend, not long term or FFA',
    U4: 'Foster placement with other foster carer, long term fostering',
    U5: 'Foster placement with other foster carer who is also an approved adopter (FFA)',
    U6: 'Foster placement with other foster carer, not long term or FFA',
    Z1: 'Other placements',
    Z11: 'Other placements: unregistered provision',
    Z12: 'Other placements: supported accommodation not registered with Ofsted',
    Z13: 'Other placements: independent living',
    Z14: 'Other placements: any other',
  },
  'Episodes.PLACE_PROVIDER': {
    PR0: 'Parents or other person with parental responsibility',
    PR1: 'Own provision (by the local authority)',
    PR2: 'Other local authority provision',
    PR3: 'Other public provision (for example a primary care trust)',
    PR4: 'Private provision',
    PR5: 'Voluntary or third sector provision',
  },
  'Episodes.REC': {
    E11: 'Adopted: application for an adoption order unopposed',
    E12: 'Adopted: consent dispensed with by the court',
    E13: 'Left care to live with parent(s), relative(s) or other person(s) with no parental responsibility',
    E14: 'Accommodation on remand ended',
    E15: 'Age assessment determined child is aged 18 or over',
    E16: 'Child moved abroad',
    E17: 'Aged 18 (or over) and remained with current carers (staying put)',
    E2: 'Died',
    E3: 'Care taken over by another local authority in the UK',
    E41: 'Residence order (or, from 22 April 2014, a child arrangements order) granted',
    E45: 'Special guardianship order made to former foster carer(s) who were relatives or friends',
    E46: 'Special guardianship order made to former foster carer(s) other than relatives or friends',
    E47: 'Special guardianship order made to carer(s), other than former foster carer(s), who were relatives or friends',
    E48: 'Special guardianship order made to carer(s), other than former foster carer(s), other than relatives or friends',
    E4A: 'Returned home to live with parent(s), relative(s) or other person(s) with parental responsibility as part of the care planning process',
    E4B: 'Returned home to live with parent(s), relative(s) or other person(s) with parental responsibility not as part of the care planning process',
    E5: 'Moved into independent living arrangement and no longer looked after: supportive accommodation',
    E6: 'Moved into independent living arrangement and no longer looked after: without formalised support',
    E7: 'Transferred to residential care funded by adult social care',
    E8: 'Period of being looked after ceased for any other reason',
    E9: 'Sentenced to custody',
  },
  'Episodes.REASON_PLACE_CHANGE': {
    CARPL: 'Change to or implementation of the care plan',
    CLOSE: 'Resignation or closure of provision',
    ALLEG: 'Allegation (section 47 enquiry)',
    STAND: 'Standards of care concern',
    APPRR: 'Change in the status of the placement only',
    CREQB: 'Carer requests placement end due to child’s behaviour',
    CREQO: 'Carer requests placement end, other than due to the child’s behaviour',
    CHILD: 'Child requests placement end',
    LAREQ: 'Responsible or area authority requests placement end',
    PLACE: 'Change of placement as a result of a temporary placement ending',
    CUSTOD: 'Child is sentenced to custody',
    OTHER: 'Other',
  },
  'Reviews.REVIEW_CODE': {
    PN0: 'Child aged under 4 at the time of the review',
    PN1: 'Child physically attends and speaks for themselves',
    PN2: 'Child physically attends: an advocate speaks on their behalf',
    PN3: 'Child attends and conveys views symbolically (non-verbally)',
    PN4: 'Child physically attends but does not speak for themselves or convey views',
    PN5: 'Child does not attend but briefs an advocate to speak for them',
    PN6: 'Child does not attend but conveys feelings by another method',
    PN7: 'Child does not attend nor are their views conveyed to the review',
  },
  'Header.ETHNIC': {
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
    BCRB: 'Caribbean',
    BAFR: 'African',
    BOTH: 'Any other Black background',
    CHNE: 'Chinese',
    OOTH: 'Any other ethnic group',
    REFU: 'Refused',
    NOBT: 'Information not yet obtained',
  },
  'OC3.IN_TOUCH': {
    YES: 'Yes, in touch',
    NO: 'No, not in touch',
    DIED: 'Died',
    REFU: 'Young person refuses contact',
    NREQ: 'No longer requires services',
    RHOM: 'Returned home to parents for more than 6 months',
  },
  'OC3.ACTIV': {
    F1: 'Full time in higher education',
    P1: 'Part time in higher education',
    F2: 'Full time in education other than higher education',
    P2: 'Part time in education other than higher education',
    F4: 'Full time in training or employment',
    P4: 'Part time in training or employment',
    F5: 'Not in education, training or employment: illness or disability',
    P5: 'Not in education, training or employment: other reasons',
    G4: 'Not in education, training or employment: pregnancy or parenting',
    G5: 'Not in education, training or employment: other reasons',
    G6: 'Not in education, training or employment: illness or disability',
    '0': 'Information not known',
  },
  'PrevPerm.PREV_PERM': {
    P1: 'Adoption',
    P2: 'Special guardianship order',
    P3: 'Residence order or child arrangements order',
    P4: 'Previous permanence order made outside England',
    Z1: 'Not applicable or not known',
  },
  'SWEpisodes.SW_REASON': {
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
};

const ACCOMMODATION: Record<string, string> = {
  B: 'With parents or relatives',
  C: 'Community home or other form of residential care',
  D: 'Semi-independent, transitional accommodation',
  E: 'Supported lodgings',
  G: 'Gone abroad',
  H: 'Deported',
  K: 'Ordinary lodgings, without formal support',
  R: 'Residence not known',
  S: 'No fixed abode or homeless',
  T: 'Foyers and similar supported accommodation',
  U: 'Independent living',
  V: 'Emergency accommodation',
  W: 'Bed and breakfast',
  X: 'In custody',
  Y: 'Other accommodation',
  Z: 'With former foster carers',
};

/** OC3 ACCOM: a letter for the kind and a digit for suitable (1) or not (2). */
export function accommodationLabel(code: string): string {
  if (code === '0') return 'Information not known';
  const kind = ACCOMMODATION[code.slice(0, 1)] ?? code;
  return `${kind}: ${code.endsWith('1') ? 'suitable' : 'not suitable'}`;
}

export function codeLabel(list: CodeListName, code: string): string {
  if (list === 'OC3.ACCOM') return accommodationLabel(code);
  return LABELS[list]?.[code] ?? code;
}

/** Select items for the current year's codes, "CODE: meaning", with a blank first item. */
export function codeItems(
  list: CodeListName,
  selected: unknown,
  opts: { exclude?: readonly string[]; blank?: string } = {},
): { value: string; text: string; selected?: boolean }[] {
  const items = [...currentCodes(list)]
    .filter((c) => !opts.exclude?.includes(c))
    .map((c) => ({ value: c, text: `${c}: ${codeLabel(list, c)}`, selected: c === selected }));
  return [{ value: '', text: opts.blank ?? 'Select one' }, ...items];
}
