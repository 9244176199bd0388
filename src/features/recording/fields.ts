// Form fields as data: each form lists its fields once, and this turns them into (a) the raw object
// the form's zod schema checks (day/month/year → 'YYYY-MM-DD', yes/no → boolean, numbers) and (b) the
// GOV.UK macro parameters the generic view renders, with values and error messages.
import type { z } from 'zod';
import { dateFromFields } from '../admin/schemas.ts';

export interface Item {
  value: string;
  text: string;
  hint?: string;
}

export interface FieldSpec {
  name: string;
  /** 'partialDate': day, month and year where only the year (or month and year) may be known. */
  kind: 'date' | 'partialDate' | 'select' | 'radios' | 'text' | 'number' | 'yesno';
  label: string;
  hint?: string;
  /** For select and radios. */
  items?: Item[];
  /** A select whose values are ids: sent to the schema as numbers. */
  numeric?: boolean;
  /** CSS width class for text and number inputs. */
  width?: string;
  /** Radios: the fields each choice reveals (GOV.UK conditional reveal; all shown without JS). */
  reveals?: Record<string, string[]>;
}

export type Body = Record<string, unknown>;
export interface FieldProblem {
  field: string;
  message: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** A stored value (string, number or boolean) as text. */
export function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

/** The form's strings as the schema's input: absent fields are undefined so "Enter ..." shows. */
export function rawFromForm(fields: readonly FieldSpec[], body: Body): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.kind === 'date') {
      const d = dateFromFields(
        body[`${f.name}-day`],
        body[`${f.name}-month`],
        body[`${f.name}-year`],
      );
      raw[f.name] = d === null ? undefined : d === 'invalid' ? 'not a date' : d;
    } else if (f.kind === 'partialDate') {
      const parts = ['year', 'month', 'day'].map((p) => str(body[`${f.name}-${p}`]));
      raw[f.name] = parts.every((p) => p === '') ? undefined : parts.join('-');
    } else if (f.kind === 'number' || f.numeric) {
      const s = str(body[f.name]);
      raw[f.name] = s === '' ? undefined : /^-?\d+$/.test(s) ? Number(s) : s;
    } else if (f.kind === 'yesno') {
      const s = str(body[f.name]);
      raw[f.name] = s === 'yes' ? true : s === 'no' ? false : undefined;
    } else {
      const s = str(body[f.name]);
      raw[f.name] = s === '' ? undefined : s;
    }
  }
  return raw;
}

/** Stored values (ISO dates, booleans, numbers) as the form's strings, for an edit page. */
export function formFromValues(fields: readonly FieldSpec[], values: Body): Body {
  const body: Body = {};
  for (const f of fields) {
    const v = values[f.name];
    if (v === null || v === undefined) continue;
    if (f.kind === 'date' && typeof v === 'string') {
      const [y, m, d] = v.split('-');
      body[`${f.name}-day`] = String(Number(d));
      body[`${f.name}-month`] = String(Number(m));
      body[`${f.name}-year`] = y;
    } else if (f.kind === 'partialDate' && typeof v === 'string') {
      // '2019-05-12', '2019-05' or '2019' (orderDateValue in factService.ts)
      const [y, m, d] = v.split('-');
      body[`${f.name}-year`] = y;
      if (m) body[`${f.name}-month`] = String(Number(m));
      if (d) body[`${f.name}-day`] = String(Number(d));
    } else if (f.kind === 'yesno') body[f.name] = v === true ? 'yes' : 'no';
    else body[f.name] = asText(v);
  }
  return body;
}

export function problemsFromZod(error: z.ZodError): FieldProblem[] {
  const out: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, message: issue.message });
  }
  return out;
}

/** GOV.UK error summary items and per-field messages; a date's summary link goes to its day box. */
export function errorsFor(fields: readonly FieldSpec[], problems: readonly FieldProblem[]) {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const errors: Record<string, { text: string }> = {};
  const errorList: { text: string; href: string }[] = [];
  for (const p of problems) {
    const f = byName.get(p.field) ?? fields[0];
    const name = f?.name ?? p.field;
    if (!errors[name]) errors[name] = { text: p.message };
    const dated = f?.kind === 'date' || f?.kind === 'partialDate';
    errorList.push({ text: p.message, href: `#${dated ? `${name}-day` : name}` });
  }
  return { errors, errorList };
}

/** Macro parameters for each field, ready for views/form.njk. */
export interface FieldParams {
  kind: FieldSpec['kind'];
  params: Record<string, unknown>;
  /** Radios: for each choice, the fields it reveals. */
  reveal?: Record<string, FieldParams[]>;
}

/**
 * Macro parameters for each field, ready for views/form.njk; fields a radio choice reveals are
 * nested under that choice (with a hint naming it, for when they all show without JavaScript).
 */
export function fieldParams(
  fields: readonly FieldSpec[],
  body: Body,
  errors: Record<string, { text: string }>,
): FieldParams[] {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const nested = new Set(fields.flatMap((f) => Object.values(f.reveals ?? {}).flat()));
  return fields
    .filter((f) => !nested.has(f.name))
    .map((f) => {
      const one = oneField(f, body, errors);
      if (!f.reveals) return one;
      const reveal: Record<string, FieldParams[]> = {};
      for (const [value, names] of Object.entries(f.reveals)) {
        const choice = f.items?.find((i) => i.value === value)?.text ?? value;
        reveal[value] = names.flatMap((n) => {
          const inner = byName.get(n);
          if (!inner) return [];
          const hint = `${inner.hint ? `${inner.hint} ` : ''}Only for: ${choice}.`;
          return [oneField({ ...inner, hint }, body, errors)];
        });
      }
      return { ...one, reveal };
    });
}

function oneField(f: FieldSpec, body: Body, errors: Record<string, { text: string }>): FieldParams {
  {
    const errorMessage = errors[f.name];
    const hint = f.hint ? { text: f.hint } : undefined;
    const value = str(body[f.name]);
    switch (f.kind) {
      case 'date':
      case 'partialDate':
        return {
          kind: f.kind,
          params: {
            id: f.name,
            namePrefix: f.name,
            fieldset: { legend: { text: f.label, classes: 'govuk-fieldset__legend--s' } },
            hint:
              hint ??
              (f.kind === 'partialDate'
                ? {
                    text: 'For example, 27 3 2016. If you do not know the day or month, leave them blank.',
                  }
                : { text: 'For example, 27 3 2026' }),
            errorMessage,
            items: (['day', 'month', 'year'] as const).map((part) => ({
              name: part,
              classes: `govuk-input--width-${part === 'year' ? '4' : '2'}${errorMessage ? ' govuk-input--error' : ''}`,
              value: str(body[`${f.name}-${part}`]),
            })),
          },
        };
      case 'select':
        return {
          kind: f.kind,
          params: {
            id: f.name,
            name: f.name,
            label: { text: f.label, classes: 'govuk-label--s' },
            hint,
            errorMessage,
            items: (f.items ?? []).map((i) => ({ ...i, selected: i.value === value })),
          },
        };
      case 'radios':
      case 'yesno': {
        const items =
          f.kind === 'yesno'
            ? [
                { value: 'yes', text: 'Yes' },
                { value: 'no', text: 'No' },
              ]
            : (f.items ?? []);
        return {
          kind: 'radios',
          params: {
            idPrefix: f.name,
            name: f.name,
            fieldset: { legend: { text: f.label, classes: 'govuk-fieldset__legend--s' } },
            classes: f.kind === 'yesno' ? 'govuk-radios--inline' : undefined,
            hint,
            errorMessage,
            items: items.map((i, n) => ({
              ...i,
              id: n === 0 ? f.name : `${f.name}-${i.value}`,
              hint: i.hint ? { text: i.hint } : undefined,
              checked: i.value === value,
            })),
          },
        };
      }
      case 'text':
      case 'number':
        return {
          kind: 'text',
          params: {
            id: f.name,
            name: f.name,
            label: { text: f.label, classes: 'govuk-label--s' },
            hint,
            errorMessage,
            value,
            inputmode: f.kind === 'number' ? 'numeric' : undefined,
            spellcheck: false,
            classes: f.width ?? (f.kind === 'number' ? 'govuk-input--width-3' : undefined),
          },
        };
    }
  }
}
