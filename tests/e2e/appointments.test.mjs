// Appointments on a phone (375×812): an ombud books a meeting with a client, sees it in their own
// calendar, prints the client's reminder card (read back with pdftotext), and makes a calendar
// link for the phone, whose feed carries only neutral events. Every page state is checked with
// axe-core and for sideways scrolling; booking also works without JavaScript.

import assert from 'node:assert/strict';
import { describe } from 'node:test';

import {
  daysAhead,
  downloadedPdf,
  expectAccessibleAndFits,
  logIn,
  mainText,
  navigateBy,
  openActiveClient,
  serverAndBrowser,
  submitForm,
  tallPhone,
} from './support.mjs';

describe('appointments and the calendar', () => {
  const suite = serverAndBrowser();
  const { pageTest } = suite;

  async function openBookings(page, n) {
    await openActiveClient(page, n);
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

    const { text: card } = await downloadedPdf(page, () =>
      page.getByRole('link', { name: /^Ladda ner \(PDF\) påminnelsen/ }).first().click(),
    );
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
