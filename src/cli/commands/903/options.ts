// Options shared by the 903 sub-commands.
import { UsageError } from '../../command.ts';
import { YEARS, type Year } from '../../../domain/returns/ssda903/types.ts';

export function parseYear(value: string | undefined): Year {
  const y = value ?? '2025/26';
  if (!(YEARS as readonly string[]).includes(y))
    throw new UsageError(`--year must be one of ${YEARS.join(', ')} (got "${y}")`);
  return y as Year;
}

export function parseFormat<F extends string>(value: string | undefined, allowed: readonly F[]): F {
  const f = value ?? allowed[0];
  if (f === undefined || !(allowed as readonly string[]).includes(f))
    throw new UsageError(`--format must be one of ${allowed.join(', ')}`);
  return f as F;
}
