// The 903 validator in a browser: sign in as the demo analyst, send the form with nothing chosen
// (errors shown, axe-checked), upload a return with errors, read the report by rule (opening a
// rule's details) and by child, and download the CSV. axe on the form, the form with errors, and
// the report. With Ofsted's providers list and a postcode directory (first a wrong file, shown as an
// error on its field), the rules needing them run.
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { describeInBrowser, expectNoAxeViolations, useBrowserSuite } from '../support/browser.ts';
import { signInAs } from './signIn.ts';

const HEADER = [
  'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB',
  'C1,M,01/06/2012,WBRI,A123456789012,,',
  'C2,X,01/06/2013,WBRI,A123456789013,,',
  '',
].join('\n');
const EPISODES = [
  'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
  'C1,01/05/2025,S,C2,N1,U1,PR1,30/09/2025,E13,,BD1 1AA,BD2 2AA,XXXXXXX',
  'C2,01/05/2025,S,C2,N1,U1,PR1,30/09/2025,E13,,BD1 1AA,BD2 2AA,XXXXXXX',
  '',
].join('\n');

// Reference data (as --ofsted-providers and --postcodes): both placement postcodes are known.
const PROVIDERS = 'URN,Provider type,Sector\nSC200002,Independent fostering agency,Private\n';
const POSTCODES =
  'pcds,laua,oseast1m,osnrth1m\nBD1 1AA,E08000032,416000,433000\nBD2 2AA,E08000032,418000,435000\n';

describeInBrowser('903 return in the browser', () => {
  const suite = useBrowserSuite();

  it('uploads a return and shows the report by rule and by child', async () => {
    const page = suite.page;
    await signInAs(page, 'analyst.demo');
    await page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: '903 return' })
      .click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Validate a 903 return',
    );
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Validate return' }).click();
    await page.waitForLoadState();
    const summary = page.locator('.govuk-error-summary');
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual([
      'Select at least one file',
      'Select the collection year',
    ]);
    await expectNoAxeViolations(page);

    await page.getByLabel("This year's files").setInputFiles([
      { name: 'header.csv', mimeType: 'text/csv', buffer: Buffer.from(HEADER) },
      { name: 'episodes.csv', mimeType: 'text/csv', buffer: Buffer.from(EPISODES) },
    ]);
    await page.getByRole('radio', { name: '2025/26' }).check();
    await page.getByLabel('Local authority code (optional)').fill('E08000032');
    // A providers list that is not a CSV file: the error is shown on that field.
    await page.getByLabel('Ofsted providers list (optional)').setInputFiles({
      name: 'providers.xlsx',
      mimeType: 'application/zip',
      buffer: Buffer.from('PK'),
    });
    await page.getByRole('button', { name: 'Validate return' }).click();
    await page.waitForLoadState();
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual([
      "The file 'providers.xlsx' is not a CSV file",
    ]);
    await expectNoAxeViolations(page);

    // Files are not kept by the browser after an error: choose them again, with the reference data.
    await page.getByLabel("This year's files").setInputFiles([
      { name: 'header.csv', mimeType: 'text/csv', buffer: Buffer.from(HEADER) },
      { name: 'episodes.csv', mimeType: 'text/csv', buffer: Buffer.from(EPISODES) },
    ]);
    await page.getByLabel('Ofsted providers list (optional)').setInputFiles({
      name: 'providers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(PROVIDERS),
    });
    await page.getByLabel('ONS postcode directory (optional)').setInputFiles({
      name: 'onspd.csv.gz',
      mimeType: 'application/gzip',
      buffer: gzipSync(POSTCODES),
    });
    await page.getByRole('button', { name: 'Validate return' }).click();
    await page.waitForURL(/\/returns\/903\/reports\//);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      '903 return validation, 2025/26',
    );
    await expect(page.getByTestId('totals').textContent()).resolves.toMatch(
      /: 1 error from 1 rule, affecting 1 child;/,
    );
    const byRule = page.locator('#by-rule + table tbody tr');
    await expect(byRule.allInnerTexts()).resolves.toEqual([
      '101\tThe child or young person’s reported sex is not valid.\t1',
    ]);
    await page.getByText('Where rule 101 fails').click();
    await expect(
      page.locator('#rule-101 ~ .govuk-details').first().locator('tbody tr').allInnerTexts(),
    ).resolves.toEqual(['Header\t3\tC2\tSEX']);
    await expect(page.locator('#by-child + table tbody tr').allInnerTexts()).resolves.toEqual([
      'C2\t101\t1',
    ]);
    // The Ofsted and postcode rules ran: none is skipped for want of that data.
    const skipped = (await page.locator('#skipped + table').innerText()).toLowerCase();
    expect(skipped).not.toContain('ofsted');
    expect(skipped).not.toContain('postcode');
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('903-validation-2025-26.csv');
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe(
      'code,message,table,line,child,fields\n101,The child or young person’s reported sex is not valid.,Header,3,C2,SEX\n',
    );
  });
});
