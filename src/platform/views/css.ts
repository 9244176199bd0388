// The stylesheet: GOV.UK Frontend compiled with the council's branding (assets/scss). Built by
// `npm install` (the prepare script) and, if missing, at start.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const cssFile = path.join(root, 'public/stylesheets/application.css');

export function buildCss(): void {
  const result = sass.compile(path.join(root, 'assets/scss/application.scss'), {
    importers: [new sass.NodePackageImporter(root)],
    style: 'compressed',
    quietDeps: true,
  });
  mkdirSync(path.dirname(cssFile), { recursive: true });
  writeFileSync(cssFile, result.css);
}

export function ensureCss(): void {
  if (!existsSync(cssFile)) buildCss();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) buildCss();
