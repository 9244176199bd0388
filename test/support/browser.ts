// Browser tests in Debian's Chromium (playwright-core; never a downloaded browser) with an axe check.
//
//   describeInBrowser('sign-in', () => {
//     const suite = useBrowserSuite();        // one browser + one server per file
//     it('...', async () => {
//       const page = suite.page;               // fresh context per test, baseURL = the server
//       await page.goto('/sign-in');
//       await expectNoAxeViolations(page);
//     });
//   });
//
// Chromium missing: outside CI the suite is skipped with a warning; under CI=true or
// HEARTH_E2E_REQUIRED=1 every test fails and says why.
import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect } from 'vitest';
import { startServer, type TestServer } from './server.ts';

export const chromiumPath = process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium';
export const browserRequired = process.env.CI === 'true' || process.env.HEARTH_E2E_REQUIRED === '1';
export const chromiumAvailable = existsSync(chromiumPath);

const missing = `Chromium is not installed at ${chromiumPath}: install it with \`apt-get install -y chromium\` (or set HEARTH_CHROMIUM)`;

if (!chromiumAvailable && !browserRequired) {
  console.warn(`Browser tests skipped: ${missing}. They are required under CI.`);
}

/** describe() for browser tests: runs when Chromium is there or required, else skips. */
export const describeInBrowser = describe.skipIf(!chromiumAvailable && !browserRequired);

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumAvailable) throw new Error(missing);
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Fails with one line per violation (rule, impact, help, the elements) when axe finds any. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'unknown'}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, `axe violations on ${page.url()}`).toEqual([]);
}

export interface BrowserSuite {
  readonly browser: Browser;
  readonly server: TestServer;
  /** The server's address, e.g. 'http://127.0.0.1:41234'. */
  readonly baseUrl: string;
  /** A fresh browser context for each test (no cookies carried over), with baseURL set. */
  readonly context: BrowserContext;
  /** A page in this test's context; page.goto('/path') is relative to the server. */
  readonly page: Page;
}

/**
 * Registers hooks for one Chromium and one Hearth server per file, and a new context + page per
 * test. Read the fields inside tests or hooks, not at collection time.
 */
export function useBrowserSuite(opts: { env?: Record<string, string> } = {}): BrowserSuite {
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer(opts.env);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    if (!browser || !server) throw new Error('the browser suite did not start');
    context = await browser.newContext({ baseURL: server.baseUrl });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    page = undefined;
  });

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is only available inside a test`);
    return value;
  };
  return {
    get browser() {
      return need(browser, 'browser');
    },
    get server() {
      return need(server, 'server');
    },
    get baseUrl() {
      return need(server, 'server').baseUrl;
    },
    get context() {
      return need(context, 'context');
    },
    get page() {
      return need(page, 'page');
    },
  };
}
