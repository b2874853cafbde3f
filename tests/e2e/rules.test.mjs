// The operation's rules for the work inside an assignment, on the admin's settings page: the
// life areas of the needs mapping and how many goals may be active at once. An ombud then sees
// the new area in a client's mapping and may keep two goals active. The pages are checked with
// axe-core and for sideways scrolling at 375 px.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  expectAccessibleAndFits,
  logIn,
  logOut,
  mainText,
  openActiveClient,
  serverAndBrowser,
  submitForm,
  tallPhone,
  visit,
  withPage,
} from './support.mjs';

describe('the rules of the work', () => {
  const suite = serverAndBrowser();

  it('admin changes the life areas and the goals at a time, and the ombud works by them', { timeout: 60_000 }, () =>
    withPage(suite.browser, suite.server, tallPhone, async ({ page }) => {
      await logIn(page, 'admin');
      await visit(page, '/settings');
      const areas = page.getByRole('group', { name: 'Kartläggningens livsområden' });
      assert.equal(await areas.getByLabel('Område 2', { exact: true }).inputValue(), 'Ekonomi och skulder');
      await areas.getByLabel('Område 2', { exact: true }).fill('Ekonomi, skulder och räkningar');
      await areas.getByLabel('Område 8', { exact: true }).fill('');
      await areas.getByLabel(/^Nytt område/).first().fill('Fritid och intressen');
      await page.getByLabel('Aktiva mål åt gången i en handlingsplan').fill('2');
      await expectAccessibleAndFits(page, 'the rules with the life areas');
      await submitForm(page, () => page.getByRole('button', { name: 'Spara reglerna' }).click(), { status: 303 });
      assert.equal(await page.getByRole('status').innerText(), 'Reglerna är sparade som en ny version.');
      assert.equal(await areas.getByLabel('Område 8', { exact: true }).inputValue(), 'Fritid och intressen');
      assert.equal(await page.getByLabel('Aktiva mål åt gången i en handlingsplan').inputValue(), '2');
      await logOut(page);

      await logIn(page, 'ombud1');
      const client = await openActiveClient(page, 9);
      await visit(page, `${client}/mapping`);
      const mapping = await mainText(page);
      assert.match(mapping, /Fritid och intressen/);
      assert.match(mapping, /Ekonomi, skulder och räkningar/);
      assert.doesNotMatch(mapping, /Juridik och ställföreträdarskap/);
      await expectAccessibleAndFits(page, 'the mapping with the new areas');

      // Two goals may be active at once now.
      await visit(page, `${client}/plan`);
      for (const goal of ['Få ordning på ekonomin', 'Hitta något att göra på dagarna']) {
        await page.getByLabel(/^Målet/).fill(goal);
        await submitForm(page, () => page.getByRole('button', { name: 'Spara målet' }).click(), { status: 303 });
        await visit(page, `${client}/plan`);
      }
      const plan = await mainText(page);
      assert.match(plan, /Få ordning på ekonomin/);
      assert.match(plan, /Hitta något att göra på dagarna/);
    }));
});
