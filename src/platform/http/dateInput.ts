// GOV.UK date inputs (day, month and year boxes named `<field>-day`, `-month`, `-year`) on forms that
// post them as they are, and the error summary whose links reach a date's day box.

type Body = Record<string, unknown>;

function box(body: Body, name: string, part: string): string {
  const v = body[`${name}-${part}`];
  return typeof v === 'string' ? v.trim() : '';
}

/** The boxes → 'YYYY-MM-DD'; '' when all are blank; 'invalid' when they do not make a date's shape. */
export function joinDate(body: Body, name: string): string {
  const [d, m, y] = ['day', 'month', 'year'].map((part) => box(body, name, part));
  if (!d && !m && !y) return '';
  if (!/^\d{1,2}$/.test(d ?? '') || !/^\d{1,2}$/.test(m ?? '') || !/^\d{4}$/.test(y ?? ''))
    return 'invalid';
  return `${y ?? ''}-${(m ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
}

/** The `items` of govukDateInput for `name`, showing what was posted (red when `error`). */
export function dateItems(body: Body, name: string, error: boolean) {
  return (['day', 'month', 'year'] as const).map((part) => ({
    name: part,
    value: body[`${name}-${part}`],
    classes: `govuk-input--width-${part === 'year' ? '4' : '2'}${error ? ' govuk-input--error' : ''}`,
  }));
}

/** Problems by field → the field errors and the error summary's list (a date links to its day box). */
export function problemsView(
  problems: Record<string, string>,
  dateFields: Iterable<string>,
): { errors: Record<string, { text: string }>; errorList: { text: string; href: string }[] } {
  const dates = new Set(dateFields);
  return {
    errors: Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, { text: v }])),
    errorList: Object.entries(problems).map(([k, v]) => ({
      text: v,
      href: `#${dates.has(k) ? `${k}-day` : k}`,
    })),
  };
}
