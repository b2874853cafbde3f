// An ombud's working day in a client's home, on a phone (375×812): open an active client, go
// through the needs mapping together, log the visit, correct the entry and remove a mistaken one,
// set a goal in the action plan with a first step and mark it done.
// Every page state is checked with axe-core and for sideways scrolling; the log is also used with
// the keyboard only and without JavaScript. The samordnare sees the case but not the work.

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

// The phone at its full height (375×812), as the working day asks.
const tallPhone = { ...phone, viewport: { width: 375, height: 812 } };

const TEST_TIMEOUT = 60_000;

describe('the work inside an assignment', () => {
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

  /** Opens the first of the ombud's own clients whose assignment is active; returns its path. */
  async function openActiveClient(page) {
    const row = page.getByRole('main').locator('tbody tr', { hasText: 'Aktivt uppdrag' }).first();
    await navigateBy(page, () => row.getByRole('link').first().click());
    return new URL(page.url()).pathname;
  }

  function send(page, name, status = 303) {
    return submitForm(page, () => page.getByRole('button', { name, exact: true }).click(), { status, label: name });
  }

  pageTest('an ombud maps needs and logs a visit in a client’s home', tallPhone, async ({ page }) => {
    await logIn(page, 'ombud1');
    const client = await openActiveClient(page);
    await expectAccessibleAndFits(page, 'the client page');

    // The needs mapping, area by area, in the client's own words.
    await navigateBy(page, () => page.getByRole('link', { name: 'Kartläggning', exact: true }).click());
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Kartläggning');
    await expectAccessibleAndFits(page, 'the needs mapping');
    const economy = page.getByRole('group', { name: 'Ekonomi och skulder' });
    await economy.getByLabel('Med klientens egna ord').fill('Räkningarna hinner ikapp mig. Vill ha ordning på skulderna.');
    await economy.getByRole('checkbox', { name: 'Klienten vill ha hjälp med det här' }).check();
    await send(page, 'Spara kartläggningen');
    assert.equal(await page.getByRole('status').innerText(), 'Kartläggningen är sparad.');
    assert.match(await mainText(page), /Områden där klienten vill ha hjälp 1/);
    await expectAccessibleAndFits(page, 'the needs mapping after saving');

    // The visit, logged in a few taps: today, a meeting at home with the client, 1 h.
    await visit(page, `${client}/log`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Kontaktlogg');
    await expectAccessibleAndFits(page, 'the empty contact log');
    await page.getByRole('radio', { name: 'Möte med klienten' }).check();
    await page.getByLabel('Var?').selectOption({ label: 'Hemma hos personen' });
    await page.getByLabel('Tid').selectOption({ label: '1 h' });
    await page.getByLabel('Anteckning').fill('Gick igenom kartläggningen tillsammans.');
    await send(page, 'Spara i loggen');
    assert.equal(await page.getByRole('status').innerText(), 'Kontakten är sparad i loggen.');
    await expectListsFit(page, 'the contact log');
    await expectAccessibleAndFits(page, 'the contact log with an entry');

    // A mistake: a phone call with a place. Refused with a clear message.
    await page.getByRole('radio', { name: 'Telefonsamtal' }).check();
    await page.getByLabel('Var?').selectOption({ label: 'På kontoret' });
    await page.getByLabel('Tid').selectOption({ label: '15 min' });
    await send(page, 'Spara i loggen', 400);
    assert.match(await page.getByRole('alert').innerText(), /Ange bara ställe för ett möte med klienten/);
    await expectAccessibleAndFits(page, 'the contact log with an error');
    await page.getByLabel('Var?').selectOption({ label: 'Inget ställe (inte ett möte)' });
    await page.getByLabel('Med vem?').selectOption({ label: 'Försäkringskassan' });
    await send(page, 'Spara i loggen');
    assert.match(await mainText(page), /2 kontakter, sammanlagt 1 h 15 min\./);

    // Correct the call, then remove it together with the client.
    await navigateBy(page, () => page.getByRole('link', { name: /^Ändra anteckningen .*Telefonsamtal/ }).click());
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Ändra i loggen');
    await expectAccessibleAndFits(page, 'an entry to change');
    await page.getByLabel('Tid').selectOption({ label: '30 min' });
    await send(page, 'Spara ändringen');
    assert.match(await mainText(page), /2 kontakter, sammanlagt 1 h 30 min\./);
    await navigateBy(page, () => page.getByRole('link', { name: /^Ändra anteckningen .*Telefonsamtal/ }).click());
    await send(page, 'Ta bort anteckningen', 400);
    assert.match(await page.getByRole('alert').innerText(), /Kryssa i att ni vill ta bort anteckningen/);
    await page.getByRole('checkbox', { name: 'Klienten och jag vill ta bort anteckningen' }).check();
    await send(page, 'Ta bort anteckningen');
    assert.equal(await page.getByRole('status').innerText(), 'Anteckningen är borttagen.');
    assert.match(await mainText(page), /1 kontakt, sammanlagt 1 h\./);

    // The action plan: one goal in the client's words, a small step, and the step done.
    await visit(page, `${client}/plan`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Handlingsplan');
    await expectAccessibleAndFits(page, 'the empty action plan');
    await page.getByLabel('Målet').fill('Få ordning på ekonomin');
    await send(page, 'Spara målet');
    assert.equal(await page.getByRole('status').innerText(), 'Målet är sparat. Lägg till det första steget.');
    await expectAccessibleAndFits(page, 'a new goal');
    await page.getByLabel('Steget').fill('Ringa Kronofogden och fråga om en avbetalningsplan');
    await page.getByRole('radio', { name: 'Ombudet' }).check();
    await send(page, 'Spara steget');
    await expectListsFit(page, 'the goal’s steps');
    await navigateBy(page, () => page.getByRole('link', { name: /^Ändra steget Ringa Kronofogden/ }).click());
    await expectAccessibleAndFits(page, 'a step');
    await page.getByRole('checkbox', { name: 'Steget är klart' }).check();
    await send(page, 'Spara steget');
    assert.equal(await page.getByRole('status').innerText(), 'Steget är sparat.');
    await navigateBy(page, () => page.getByRole('link', { name: 'Tillbaka till handlingsplanen' }).click());
    assert.match(await mainText(page), /1 av 1/);
    assert.match(await mainText(page), /Ni arbetar med ett mål i taget/);
    await expectAccessibleAndFits(page, 'the action plan with its goal');
  });

  pageTest('the log works with the keyboard only', tallPhone, async ({ page }) => {
    await logIn(page, 'ombud1');
    const client = await openActiveClient(page);
    await visit(page, `${client}/log`);
    await page.getByRole('radio', { name: 'Telefonsamtal' }).focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Tid').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await submitForm(page, () => page.getByLabel('Anteckning').press('Tab').then(() => page.keyboard.press('Enter')), {
      status: 303,
      label: 'the log form by keyboard',
    });
    assert.equal(await page.getByRole('status').innerText(), 'Kontakten är sparad i loggen.');
  });

  pageTest('without JavaScript a contact is logged', { ...tallPhone, javaScriptEnabled: false }, async ({ page }) => {
    await logIn(page, 'ombud1');
    const client = await openActiveClient(page);
    await visit(page, `${client}/log`);
    await page.getByRole('radio', { name: 'Nätverksmöte' }).check();
    await page.getByLabel('Tid').selectOption({ label: '2 h' });
    await send(page, 'Spara i loggen');
    assert.equal(await page.getByRole('status').innerText(), 'Kontakten är sparad i loggen.');
  });

  pageTest('the samordnare sees the case but not the work', tallPhone, async ({ page }) => {
    await logIn(page, 'ombud1');
    const client = await openActiveClient(page);
    await page.context().clearCookies();
    await logIn(page, 'samordnare');
    await visit(page, client);
    assert.equal(await page.getByRole('link', { name: 'Kontaktlogg', exact: true }).count(), 0);
    await visit(page, `${client}/log`, { status: 403 });
    await expectAccessibleAndFits(page, 'the refusal');
  });
});
