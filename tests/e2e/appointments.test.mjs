// Appointments on a phone (375×812): an ombud books a meeting with a client, sees it in their own
// calendar, prints the client's reminder card (read back with pdftotext), and makes a calendar
// link for the phone, whose feed carries only neutral events. Every page state is checked with
// axe-core and for sideways scrolling; booking also works without JavaScript.

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
  mainText,
  navigateBy,
  phone,
  startServer,
  submitForm,
  withPage,
} from './support.mjs';

const tallPhone = { ...phone, viewport: { width: 375, height: 812 } };
const TEST_TIMEOUT = 60_000;

/** A date `days` ahead as YYYY-MM-DD, in the machine's own calendar. */
function daysAhead(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('appointments and the calendar', () => {
  let server;
  let browser;
  let downloads;

  before(async () => {
    server = await startServer({ demoArgs: ['--clients', '40'] });
    browser = await launchBrowser();
    downloads = mkdtempSync(path.join(tmpdir(), 'ombud-card-'));
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

  async function openBookings(page, n) {
    const row = page.getByRole('main').locator('tbody tr', { hasText: 'Aktivt uppdrag' }).nth(n);
    await navigateBy(page, () => row.getByRole('link').first().click());
    await navigateBy(page, () => page.getByRole('link', { name: 'Bokningar', exact: true }).click());
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Bokningar');
  }

  async function fillBooking(page, date, time) {
    await page.getByLabel('Datum').fill(date);
    await page.getByLabel('Klockan').fill(time);
    await page.getByLabel('Hur länge').selectOption('60');
    await page.getByLabel('Vad', { exact: true }).selectOption('medfoljning');
    await page.getByLabel('Var', { exact: true }).selectOption('annat');
    await page.getByLabel('Adress eller rum').fill('Försäkringskassan, Storgatan 3');
  }

  pageTest('an ombud books a meeting, sees it in the calendar and prints the reminder', tallPhone, async ({ page, context }) => {
    await logIn(page, 'ombud1');
    await openBookings(page, 5);
    await expectAccessibleAndFits(page, 'the bookings');

    // A time already past is refused, with what was typed kept.
    await fillBooking(page, daysAhead(-1), '14.00');
    await submitForm(page, () => page.getByRole('button', { name: 'Boka', exact: true }).click(), {
      status: 400,
      label: 'a booking in the past',
    });
    assert.match(await page.getByRole('alert').innerText(), /Tiden har redan varit/);
    assert.equal(await page.getByLabel('Adress eller rum').inputValue(), 'Försäkringskassan, Storgatan 3');
    await expectAccessibleAndFits(page, 'the bookings with an error');

    await page.getByLabel('Datum').fill(daysAhead(3));
    await submitForm(page, () => page.getByRole('button', { name: 'Boka', exact: true }).click(), { status: 303 });
    assert.equal(await page.getByRole('status').innerText(), 'Mötet är bokat.');
    assert.match(await mainText(page), /14:00–15:00/);
    await expectAccessibleAndFits(page, 'the bookings with a meeting');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /^Ladda ner \(PDF\) påminnelsen/ }).first().click(),
    ]);
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const card = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.match(card, /Du har en tid hos ditt personliga ombud/);
    assert.match(card, /klockan 14:00–15:00/);
    assert.match(card, /Försäkringskassan, Storgatan 3/);

    await navigateBy(page, () => page.getByRole('link', { name: 'Min kalender' }).first().click());
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Min kalender');
    assert.match(await mainText(page), /14:00–15:00/);
    await expectAccessibleAndFits(page, 'the calendar');

    // The calendar link, shown once; the feed says only "PO-möte", the time and the kind of place.
    await submitForm(page, () => page.getByRole('button', { name: 'Skapa en kalenderlänk' }).click(), { status: 200 });
    const shown = await mainText(page);
    assert.match(shown, /Adressen visas bara nu/);
    await expectAccessibleAndFits(page, 'the calendar with a new link');
    const feedPath = shown.match(/\/calendar\/feed\/[A-Za-z0-9_-]{43}/)[0];
    const feed = await context.request.get(feedPath);
    assert.equal(feed.status(), 200);
    assert.equal(feed.headers()['cache-control'], 'no-store');
    const ics = await feed.text();
    assert.match(ics, /SUMMARY:PO-möte/);
    assert.match(ics, /LOCATION:Annan plats/);
    assert.doesNotMatch(ics, /Storgatan|Försäkringskassan|K-\d{4}/);
  });

  pageTest('without JavaScript a meeting is booked', { ...tallPhone, javaScriptEnabled: false }, async ({ page }) => {
    await logIn(page, 'ombud1');
    await openBookings(page, 6);
    await fillBooking(page, daysAhead(5), '9.30');
    await submitForm(page, () => page.getByRole('button', { name: 'Boka', exact: true }).click(), { status: 303 });
    assert.match(await mainText(page), /09:30–10:30/);
  });
});
