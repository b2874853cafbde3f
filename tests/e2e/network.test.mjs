// The client's network map and consents on a phone (375×812): add who is around the client and
// what they already do, write down the consent the client gives to speak with Försäkringskassan,
// log a call with them, and take the consent back. Every page state is checked with axe-core
// and for sideways scrolling; the map is also filled in without JavaScript.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  expectAccessibleAndFits,
  expectListsFit,
  launchBrowser,
  logIn,
  mainText,
  navigateBy,
  phone,
  startServer,
  submitForm,
  visit,
  withPage,
} from './support.mjs';

const tallPhone = { ...phone, viewport: { width: 375, height: 812 } };
const TEST_TIMEOUT = 60_000;

describe('the network map and the consents', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer({ demoArgs: ['--clients', '40'] });
    browser = await launchBrowser();
  });

  after(async () => {
    try {
      await browser?.close();
    } finally {
      await server?.stop();
    }
  });

  const pageTest = (name, options, fn) =>
    it(name, { timeout: TEST_TIMEOUT }, () => withPage(browser, server, options, fn));

  /** Opens the `n`th of the ombud's own clients whose assignment is active; returns its path. */
  async function openActiveClient(page, n = 0) {
    const row = page.getByRole('main').locator('tbody tr', { hasText: 'Aktivt uppdrag' }).nth(n);
    await navigateBy(page, () => row.getByRole('link').first().click());
    return new URL(page.url()).pathname;
  }

  function send(page, name, status = 303) {
    return submitForm(page, () => page.getByRole('button', { name, exact: true }).click(), { status, label: name });
  }

  pageTest('an ombud maps the network, records a consent and logs a call under it', tallPhone, async ({ page }) => {
    await logIn(page, 'ombud1');
    await openActiveClient(page);
    await navigateBy(page, () => page.getByRole('link', { name: 'Nätverkskarta', exact: true }).click());
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Nätverkskarta');
    await expectAccessibleAndFits(page, 'the empty network map');

    // Contact details without the client's yes are refused.
    await page.getByLabel('Vem är det?').selectOption({ label: 'Försäkringskassan' });
    await page.getByLabel('Namn eller befattning').fill('Handläggaren Maria');
    await page.getByLabel('Vad gör de redan för klienten?').fill('Handlägger ansökan om sjukersättning');
    await page.getByRole('textbox', { name: /^Kontaktuppgifter/ }).fill('010-116 16 16');
    await send(page, 'Lägg till', 400);
    assert.match(await page.getByRole('alert').innerText(), /Kryssa i att klienten vill att kontaktuppgifterna sparas/);
    await expectAccessibleAndFits(page, 'the network map with an error');
    await page.getByRole('checkbox', { name: 'Klienten vill att kontaktuppgifterna sparas' }).check();
    await send(page, 'Lägg till');
    assert.equal(await page.getByRole('status').innerText(), 'Det är tillagt i nätverkskartan.');
    await page.getByLabel('Vem är det?').selectOption({ label: 'Anhörig eller vän' });
    await page.getByLabel('Namn eller befattning').fill('Systern Lena');
    await page.getByLabel('Vad gör de redan för klienten?').fill('Följer med och handlar');
    await send(page, 'Lägg till');
    const text = await mainText(page);
    assert.match(text, /Handläggaren Maria/);
    assert.match(text, /Handlägger ansökan om sjukersättning/);
    assert.match(text, /Samtycke saknas/);
    await expectListsFit(page, 'the network map');
    await expectAccessibleAndFits(page, 'the network map with two people');

    // The consent: what the client says yes to, signed, until the summer.
    await navigateBy(page, () => page.getByRole('link', { name: 'Samtycken och fullmakter', exact: true }).click());
    await expectAccessibleAndFits(page, 'the consents');
    await page.getByLabel('Vem får ombudet tala med?').selectOption({ label: 'Handläggaren Maria (Försäkringskassan)' });
    await send(page, 'Spara samtycket', 400);
    assert.match(await page.getByRole('alert').innerText(), /Kryssa i minst en sak som klienten säger ja till/);
    await expectAccessibleAndFits(page, 'the consent form with an error');
    await page.getByRole('checkbox', { name: 'Ombudet får kontakta dem och tala om mitt ärende' }).check();
    await page.getByRole('checkbox', { name: 'Ombudet får lämna uppgifter om mig till dem' }).check();
    await page.getByLabel('I vilka ärenden?').fill('Min ansökan om sjukersättning');
    await page.getByLabel('Gäller till och med').fill('2031-06-30');
    await send(page, 'Spara samtycket');
    assert.equal(await page.getByRole('status').innerText(), 'Samtycket är sparat.');
    assert.match(await mainText(page), /Gäller/);
    await expectListsFit(page, 'the consents');
    await expectAccessibleAndFits(page, 'the consents with one');

    // The call with her, picked by name in the log.
    const client = new URL(page.url()).pathname.replace(/\/consents$/, '');
    await visit(page, `${client}/log`);
    await page.getByRole('radio', { name: 'Telefonsamtal' }).check();
    await page.getByLabel('Med vem?').selectOption({ label: 'Handläggaren Maria (Försäkringskassan)' });
    await page.getByLabel('Tid').selectOption({ label: '15 min' });
    await send(page, 'Spara i loggen');
    assert.match(await mainText(page), /Handläggaren Maria/);
    assert.doesNotMatch(await mainText(page), /Samtycke saknas/);

    // The client takes the consent back: the map says so.
    await visit(page, `${client}/consents`);
    await navigateBy(page, () => page.getByRole('main').getByRole('link', { name: 'Handläggaren Maria' }).click());
    await expectAccessibleAndFits(page, 'a consent');
    await page.getByRole('checkbox', { name: 'Klienten vill ta tillbaka samtycket' }).check();
    await send(page, 'Ta tillbaka samtycket');
    assert.equal(await page.getByRole('status').innerText(), 'Samtycket är återkallat från och med i dag.');
    await visit(page, `${client}/network`);
    assert.match(await mainText(page), /Återkallat/);
  });

  pageTest('without JavaScript someone is added to the map', { ...tallPhone, javaScriptEnabled: false }, async ({ page }) => {
    await logIn(page, 'ombud1');
    await openActiveClient(page, 1);
    await navigateBy(page, () => page.getByRole('link', { name: 'Nätverkskarta', exact: true }).click());
    await page.getByLabel('Vem är det?').selectOption({ label: 'God man' });
    await page.getByLabel('Namn eller befattning').fill('Gode mannen Per');
    await send(page, 'Lägg till');
    assert.equal(await page.getByRole('status').innerText(), 'Det är tillagt i nätverkskartan.');
    assert.match(await mainText(page), /Gode mannen Per/);
  });
});
