// The client's own copy on a phone (375×812): the ombud and the client choose what it holds and
// download it as a PDF, which is read back with pdftotext (poppler-utils) for its Swedish text.
// The form's pages are checked with axe-core and for sideways scrolling, used by keyboard only,
// and the copy is also downloaded without JavaScript.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  expectAccessibleAndFits,
  launchBrowser,
  logIn,
  navigateBy,
  phone,
  startServer,
  submitForm,
  withPage,
} from './support.mjs';

const tallPhone = { ...phone, viewport: { width: 375, height: 812 } };
const TEST_TIMEOUT = 60_000;

describe("the client's copy", () => {
  let server;
  let browser;
  let downloads;

  before(async () => {
    server = await startServer({ demoArgs: ['--clients', '40'] });
    browser = await launchBrowser();
    downloads = mkdtempSync(path.join(tmpdir(), 'ombud-copy-'));
  });

  after(async () => {
    try {
      await browser?.close();
    } finally {
      await server?.stop();
      if (downloads) rmSync(downloads, { recursive: true, force: true });
    }
  });

  const pageTest = (name, options, fn) =>
    it(name, { timeout: TEST_TIMEOUT }, () => withPage(browser, server, options, fn));

  /** Opens the `n`th of the ombud's own clients whose assignment is active. */
  async function openActiveClient(page, n = 0) {
    const row = page.getByRole('main').locator('tbody tr', { hasText: 'Aktivt uppdrag' }).nth(n);
    await navigateBy(page, () => row.getByRole('link').first().click());
  }

  /** Performs `action`, waits for the download it starts, and returns the PDF's file name and text. */
  async function downloadPdf(page, action) {
    const [download] = await Promise.all([page.waitForEvent('download'), action()]);
    const file = path.join(downloads, `${Date.now()}-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    return { name: download.suggestedFilename(), text: text.replace(/\s+/g, ' ') };
  }

  pageTest('an ombud and the client choose the parts and download the copy', tallPhone, async ({ page }) => {
    await logIn(page, 'ombud1');
    await openActiveClient(page);
    await navigateBy(page, () => page.getByRole('link', { name: 'Klientens kopia (PDF)', exact: true }).click());
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Kopia till klienten');
    await expectAccessibleAndFits(page, 'the copy form');

    // Nothing chosen: the page says so and nothing is downloaded.
    for (const name of ['Kartläggningen', 'Handlingsplanen med mål och steg', 'Nätverkskartan',
      'Samtycken och fullmakter', 'Kontaktloggen']) {
      await page.getByRole('checkbox', { name, exact: true }).uncheck();
    }
    await submitForm(page, () => page.getByRole('button', { name: 'Ladda ner kopian (PDF)' }).click(), {
      status: 400,
      label: 'an empty copy',
    });
    assert.match(await page.getByRole('alert').innerText(), /Välj minst en del som ska finnas med i kopian/);
    await expectAccessibleAndFits(page, 'the copy form with an error');

    // The plan and the contact log, without the notes.
    await page.getByRole('checkbox', { name: 'Handlingsplanen med mål och steg', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Kontaktloggen', exact: true }).check();
    await page.getByRole('checkbox', { name: /^Ta med anteckningarna/ }).uncheck();
    const copy = await downloadPdf(page, () => page.getByRole('button', { name: 'Ladda ner kopian (PDF)' }).click());
    assert.match(copy.name, /^min-kopia-\d{4}-\d{2}-\d{2}\.pdf$/);
    assert.match(copy.text, /Din kopia – /);
    assert.match(copy.text, /Här är det som du och ditt personliga ombud har skrivit ned tillsammans/);
    assert.match(copy.text, /Din plan/);
    assert.match(copy.text, /Det här har vi gjort/);
    assert.doesNotMatch(copy.text, /Ditt nätverk/, 'the network map was not chosen');
    assert.match(copy.text, /Den här kopian sparas inte hos det personliga ombudet/);
  });

  pageTest('the copy form is used with the keyboard alone', tallPhone, async ({ page }) => {
    await logIn(page, 'ombud1');
    await openActiveClient(page, 1);
    const link = page.getByRole('link', { name: 'Klientens kopia (PDF)', exact: true });
    await link.focus();
    await navigateBy(page, () => page.keyboard.press('Enter'));
    await page.getByRole('checkbox', { name: 'Kartläggningen', exact: true }).focus();
    await page.keyboard.press('Space');
    assert.equal(await page.getByRole('checkbox', { name: 'Kartläggningen', exact: true }).isChecked(), false);
    await page.getByRole('button', { name: 'Ladda ner kopian (PDF)' }).focus();
    const copy = await downloadPdf(page, () => page.keyboard.press('Enter'));
    assert.doesNotMatch(copy.text, /Det här har vi pratat om/, 'the mapping was left out');
    assert.match(copy.text, /Ditt nätverk/);
  });

  pageTest('without JavaScript the copy is downloaded', { ...tallPhone, javaScriptEnabled: false }, async ({ page }) => {
    await logIn(page, 'ombud1');
    await openActiveClient(page, 2);
    await navigateBy(page, () => page.getByRole('link', { name: 'Klientens kopia (PDF)', exact: true }).click());
    const copy = await downloadPdf(page, () => page.getByRole('button', { name: 'Ladda ner kopian (PDF)' }).click());
    assert.match(copy.text, /Din plan/);
    assert.match(copy.text, /Dina samtycken och fullmakter/);
  });
});
