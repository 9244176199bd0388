// Printing a report to PDF through Chromium (playwright-core; Debian's /usr/bin/chromium, or the
// path in HEARTH_CHROMIUM). The page is set from our own HTML with JavaScript off and every network
// request refused, so printing reads nothing but the report. With no browser installed, pdfAvailable
// says so and the pages say it honestly instead of offering a broken link.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export function chromiumPath(): string {
  return process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium';
}

export function pdfAvailable(): boolean {
  return existsSync(chromiumPath());
}

export const NO_BROWSER_MESSAGE =
  'A PDF cannot be made on this server because Chromium is not installed (install the chromium package, or set HEARTH_CHROMIUM). The report below can be printed from the browser instead.';

export class NoBrowser extends Error {
  constructor() {
    super(NO_BROWSER_MESSAGE);
  }
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function htmlToPdf(html: string, title: string): Promise<Buffer> {
  if (!pdfAvailable()) throw new NoBrowser();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      tagged: true,
      outline: true,
      margin: { top: '18mm', bottom: '18mm', left: '15mm', right: '15mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;font-family:Arial,sans-serif">${title.replace(/[<>&"]/g, '')} – page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
    });
    return pdf;
  } finally {
    await browser.close();
  }
}
