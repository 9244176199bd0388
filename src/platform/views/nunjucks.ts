// Nunjucks with GOV.UK Frontend's templates and the app's own views (src/views and each feature's
// views folder). Autoescaping is on; pages pass data, never HTML strings.
import path from 'node:path';
import nunjucks from 'nunjucks';
import type { Express } from 'express';
import { root } from './css.ts';

export function setUpViews(app: Express, globals: Record<string, unknown>): nunjucks.Environment {
  const env = nunjucks.configure(
    [
      path.join(root, 'src/views'),
      path.join(root, 'src/features'),
      path.join(root, 'node_modules/govuk-frontend/dist'),
    ],
    { autoescape: true, express: app, noCache: process.env.NODE_ENV !== 'production' },
  );
  for (const [k, v] of Object.entries(globals)) env.addGlobal(k, v);
  env.addFilter('ukDate', (iso: unknown) => formatUkDate(iso));
  app.set('view engine', 'njk');
  return env;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** '2026-03-01' → '1 March 2026' (GOV.UK date style). Anything else is shown as it is. */
export function formatUkDate(iso: unknown): string {
  if (iso instanceof Date) iso = iso.toISOString().slice(0, 10);
  if (typeof iso !== 'string') return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? ''} ${m[1]}`;
}
