// Ages in whole years for legal purposes in England.
//
// Family Law Reform Act 1969 s9(1): a person attains an age "at the commencement of the relevant
// anniversary of the date of his birth", so a child is 5 from the first moment of their 5th
// birthday. For a birthday of 29 February the Act does not say which day is the anniversary in a
// common year, and there is no statute for England and Wales (Scotland legislated 1 March: Age of
// Legal Capacity (Scotland) Act 1991 s6(2)). Hearth takes 28 February, the same clamp as
// addYears(), which is also the earlier and therefore the safer date for duties that start at an
// age (a leapling's review health assessments go yearly, and care-leaver duties begin, no later
// than any other reading allows).
import { addYears, type IsoDate, parseIsoDate } from './isoDate.ts';

/** The date on which a person born on dateOfBirth attains `years` (29 Feb → 28 Feb in common years). */
export function birthdayAt(dateOfBirth: IsoDate, years: number): IsoDate {
  return addYears(dateOfBirth, years);
}

/** Completed years on `date`. Throws RangeError if date is before the date of birth. */
export function ageOn(dateOfBirth: IsoDate, date: IsoDate): number {
  if (date < dateOfBirth)
    throw new RangeError(`${date} is before the date of birth ${dateOfBirth}`);
  const dob = parseIsoDate(dateOfBirth);
  const on = parseIsoDate(date);
  const guess = on.year - dob.year;
  return birthdayAt(dateOfBirth, guess) <= date ? guess : guess - 1;
}
