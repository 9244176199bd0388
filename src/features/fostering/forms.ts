// A small form kit for the fostering and Mockingbird pages: GOV.UK date inputs joined into ISO
// dates, and one generic form view (fostering/views/form.njk) driven by a field list.
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { joinDate as joinBoxes } from '../../platform/http/dateInput.ts';
import { formErrors } from '../../platform/http/forms.ts';
import { Refused, Stale, refusalErrors } from './errors.ts';

export type Body = Record<string, string | undefined>;

/** Day, month and year boxes → 'YYYY-MM-DD' (undefined when all blank; 'invalid' otherwise). */
export function joinDate(body: Body, name: string): string | undefined {
  return joinBoxes(body, name) || undefined;
}

export type Field =
  | { kind: 'date'; name: string; label: string; hint?: string }
  | { kind: 'text'; name: string; label: string; hint?: string; width?: string }
  | { kind: 'textarea'; name: string; label: string; hint?: string }
  | { kind: 'hidden'; name: string }
  | {
      kind: 'select' | 'radios';
      name: string;
      label: string;
      hint?: string;
      options: { value: string; text: string }[];
    };

export interface FormPage {
  title: string;
  caption?: string;
  backHref: string;
  submit: string;
  fields: Field[];
  /** Shown above the form. */
  intro?: string[];
}

/** Render the generic form with the submitted (or stored) values and any errors. */
export function renderForm(
  res: Response,
  status: number,
  page: FormPage,
  values: Body,
  errs: {
    errors?: Record<string, { text: string }>;
    errorList?: { text: string; href: string }[];
  } = {},
): void {
  const errors = errs.errors ?? {};
  const fields = page.fields.map((f) => {
    if (f.kind === 'date')
      return {
        ...f,
        items: (['day', 'month', 'year'] as const).map((part) => ({
          name: part,
          value: values[`${f.name}-${part}`],
          classes: `govuk-input--width-${part === 'year' ? '4' : '2'}${errors[f.name] ? ' govuk-input--error' : ''}`,
        })),
      };
    if (f.kind === 'select')
      return {
        ...f,
        items: [{ value: '', text: 'Select' }, ...f.options].map((o) => ({
          ...o,
          selected: values[f.name] === o.value,
        })),
      };
    if (f.kind === 'radios')
      return { ...f, items: f.options.map((o) => ({ ...o, checked: values[f.name] === o.value })) };
    return f;
  });
  res.status(status).render('fostering/views/form.njk', {
    ...page,
    fields,
    values,
    errors,
    errorList: errs.errorList,
  });
}

/** Date parts of an ISO date, as the form's stored values. */
export function dateValues(name: string, iso: string | null | undefined): Body {
  if (!iso) return {};
  const [y, m, d] = iso.split('-');
  return {
    [`${name}-day`]: String(Number(d)),
    [`${name}-month`]: String(Number(m)),
    [`${name}-year`]: y,
  };
}

/**
 * Parse the body with the schema and run the work; on a zod error or a refusal, re-render the form
 * (400, or 409 for a stale version) and return false.
 */
export async function handleForm<S extends z.ZodType>(
  req: Request,
  res: Response,
  page: FormPage,
  schema: S,
  raw: Record<string, unknown>,
  work: (input: z.output<S>) => Promise<void>,
): Promise<boolean> {
  const body = req.body as Body;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    renderForm(res, 400, page, body, formErrors(parsed.error));
    return false;
  }
  try {
    await work(parsed.data);
    return true;
  } catch (err) {
    if (err instanceof Refused) {
      renderForm(res, 400, page, body, refusalErrors(err));
      return false;
    }
    if (err instanceof Stale) {
      const current = Object.entries(err.current)
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join(', ');
      renderForm(
        res,
        409,
        { ...page, intro: [...(page.intro ?? []), `Stored now: ${current}.`] },
        { ...body, version: String(err.current.version) },
        refusalErrors(err),
      );
      return false;
    }
    throw err;
  }
}
