// Covering for a colleague (vikariat) from both sides, on a phone (375×812): the samordnare lets
// ombud2 cover for ombud1's client until a last day, with a reason; ombud2 then finds the client
// in their own list, sees on its pages that they are covering, and logs a contact. Every page
// state is checked with axe-core and for sideways scrolling; the grant is also made without
// JavaScript.

import assert from 'node:assert/strict';
import { describe } from 'node:test';

import {
  daysAhead,
  expectAccessibleAndFits,
  logIn,
  logOut,
  mainText,
  navigateBy,
  openActiveClient,
  serverAndBrowser,
  submitForm,
  tallPhone,
  visit,
} from './support.mjs';

describe('covering for a colleague', () => {
  const suite = serverAndBrowser();
  const { pageTest } = suite;

  /** ombud1's `n`th active client: its path and its name. */
  async function clientOfOmbud1(page, n) {
    await logIn(page, 'ombud1');
    const found = { path: await openActiveClient(page, n), name: await page.getByRole('heading', { level: 1 }).innerText() };
    await logOut(page);
    return found;
  }

  async function grant(page, client, { status = 303 } = {}) {
    await logIn(page, 'samordnare');
    await visit(page, client.path);
    await navigateBy(page, () => page.getByRole('link', { name: 'Vikariat', exact: true }).click());
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Vikariat');
    await page.getByLabel('Vem vikarierar').selectOption({ index: 1 });
    await page.getByLabel('Orsak').fill('Ombudet har semester');
    await page.getByLabel('Sista dag').fill(daysAhead(7));
    await submitForm(page, () => page.getByRole('button', { name: 'Ge vikariatet' }).click(), { status });
  }

  pageTest('the samordnare grants a cover and the colleague works under a notice', tallPhone, async ({ page }) => {
    const client = await clientOfOmbud1(page, 7);
    await logIn(page, 'ombud2');
    await visit(page, client.path, { status: 404 });
    await logOut(page);

    await logIn(page, 'samordnare');
    await visit(page, client.path);
    await navigateBy(page, () => page.getByRole('link', { name: 'Vikariat', exact: true }).click());
    await expectAccessibleAndFits(page, 'the covers page');
    // Without a reason or with a last day past: refused, with what was typed kept.
    await page.getByLabel('Vem vikarierar').selectOption({ index: 1 });
    await page.getByLabel('Sista dag').fill(daysAhead(-1));
    await submitForm(page, () => page.getByRole('button', { name: 'Ge vikariatet' }).click(), { status: 400 });
    const alert = await page.getByRole('alert').innerText();
    assert.match(alert, /Fältet måste fyllas i/);
    assert.match(alert, /Den sista dagen har redan varit/);
    await expectAccessibleAndFits(page, 'the covers page with errors');
    await logOut(page);
    await grant(page, client);
    assert.equal(await page.getByRole('status').innerText(), 'Vikariatet är givet.');
    assert.match(await mainText(page), /Ombudet har semester/);
    await expectAccessibleAndFits(page, 'the covers page with a grant');
    const colleague = (await mainText(page)).match(/Avsluta vikariatet för (.+?) Avsluta/)?.[1];
    assert.ok(colleague, 'the grant names who covers');
    await logOut(page);

    // The colleague: in their list, a notice on the client's pages, a contact logged.
    await logIn(page, 'ombud2');
    assert.match(await mainText(page), new RegExp(client.name));
    await visit(page, client.path);
    assert.match(await mainText(page), /Du vikarierar för klientens ombud till och med/);
    await expectAccessibleAndFits(page, 'the covered client');
    await navigateBy(page, () => page.getByRole('link', { name: 'Kontaktlogg', exact: true }).click());
    assert.match(await mainText(page), /Du vikarierar/);
    await page.getByRole('radio', { name: 'Telefonsamtal' }).check();
    await page.getByLabel('Tid').selectOption('15');
    await submitForm(page, () => page.getByRole('button', { name: 'Spara i loggen' }).click(), { status: 303 });
    await expectAccessibleAndFits(page, 'the covered client’s log');
  });

  pageTest('without JavaScript the samordnare grants a cover', { ...tallPhone, javaScriptEnabled: false }, async ({ page }) => {
    const client = await clientOfOmbud1(page, 8);
    await grant(page, client);
    assert.equal(await page.getByRole('status').innerText(), 'Vikariatet är givet.');
  });
});
