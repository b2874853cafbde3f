// The admin's user pages and a user's own password page in a real browser, on a phone: adding a
// user, handing over the one-time password, the user's first login that asks for an own password,
// changing a role, disabling and enabling, and a new one-time password. Every state is checked
// with axe-core and for sideways scrolling; the admin's part runs without JavaScript.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  expectAccessibleAndFits,
  expectListsFit,
  launchBrowser,
  logIn,
  logOut,
  mainText,
  navigateBy,
  phone,
  startServer,
  submitForm,
  visit,
  withPage,
} from './support.mjs';

const TEST_TIMEOUT = 60_000;
const oneTime = /[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}/;

describe('the admin’s user pages', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer({ demoArgs: ['--clients', '0'] });
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

  /** The one-time password shown on the page after "Engångslösenord". */
  async function shownPassword(page) {
    const value = await page.locator('dl.facts div', { hasText: 'Engångslösenord' }).locator('dd').innerText();
    assert.match(value, oneTime, `the page shows a one-time password: ${await mainText(page)}`);
    return value.trim();
  }

  pageTest('an admin adds a user, who chooses an own password at the first login', phone, async ({ page }) => {
    await logIn(page, 'admin', undefined, { next: '/users' });
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Användare');
    await expectAccessibleAndFits(page, 'the users page');
    await expectListsFit(page, 'the users page');

    await navigateBy(page, () => page.getByRole('link', { name: 'Lägg till användare' }).click());
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Lägg till användare');
    await expectAccessibleAndFits(page, 'the new-user form');
    await submitForm(page, () => page.getByRole('button', { name: 'Lägg till användare' }).click(), { status: 400 });
    assert.match(await page.getByRole('alert').innerText(), /Rätta följande:/);
    await expectAccessibleAndFits(page, 'the new-user form with errors');

    await page.getByLabel('Namn', { exact: true }).fill('Hanna Provberg');
    await page.getByLabel('Användarnamn').fill('hanna');
    await page.getByRole('radio', { name: 'Personligt ombud' }).check();
    await submitForm(page, () => page.getByRole('button', { name: 'Lägg till användare' }).click(), { status: 201 });
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Hanna Provberg är tillagd');
    assert.match(await mainText(page), /aldrig i e-post eller sms/);
    const password = await shownPassword(page);
    await expectAccessibleAndFits(page, 'the one-time password page');
    await logOut(page);

    // Hanna's first login leads to one page only: choosing her own password.
    await logIn(page, 'hanna', password);
    assert.equal(new URL(page.url()).pathname, '/account/password');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Välj ett eget lösenord');
    assert.equal(await page.getByRole('navigation', { name: 'Huvudmeny' }).count(), 0, 'no menu leads away');
    await expectAccessibleAndFits(page, 'the forced password page');
    await visit(page, '/contacts/new');
    assert.equal(new URL(page.url()).pathname, '/account/password', 'every other page leads back here');

    await page.getByLabel('Engångslösenord').fill(password);
    await page.getByLabel('Nytt lösenord').fill('Hallonbåtar-till-fikat');
    await page.getByLabel('Upprepa det nya lösenordet').fill('Hallonbåtar-till-fika');
    await submitForm(page, () => page.getByLabel('Upprepa det nya lösenordet').press('Enter'), { status: 400 });
    assert.match(await page.getByRole('alert').innerText(), /Lösenorden är inte likadana/);
    assert.equal(await page.getByLabel('Nytt lösenord').inputValue(), '', 'a password never comes back');
    await expectAccessibleAndFits(page, 'the forced password page with errors');

    await page.getByLabel('Engångslösenord').fill(password);
    await page.getByLabel('Nytt lösenord').fill('Hallonbåtar-till-fikat');
    await page.getByLabel('Upprepa det nya lösenordet').fill('Hallonbåtar-till-fikat');
    await submitForm(page, () => page.getByLabel('Upprepa det nya lösenordet').press('Enter'), { status: 303 });
    // On to the page she asked for before the password.
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Ny kontakt');
    assert.equal(await page.getByRole('status').innerText(), 'Ditt lösenord är bytt.');
    assert.ok(await page.getByRole('navigation', { name: 'Huvudmeny' }).isVisible());
    await expectAccessibleAndFits(page, 'the start page after the new password');
    await logOut(page);
    await logIn(page, 'hanna', 'Hallonbåtar-till-fikat');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Mina klienter');
  });

  pageTest(
    'an admin changes a role, disables and enables, and hands out a new password',
    phone,
    async ({ page }) => {
      const ledning = server.users.ledning.name;
      await logIn(page, 'admin', undefined, { next: '/users' });
      await navigateBy(page, () => page.getByRole('link', { name: ledning }).click());
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), ledning);
      await expectAccessibleAndFits(page, 'a user page');

      await page.getByRole('radio', { name: 'Länsstyrelsen' }).check();
      await submitForm(page, () => page.getByRole('button', { name: 'Spara roll' }).click(), { status: 303 });
      assert.equal(await page.getByRole('status').innerText(), 'Rollen är ändrad.');
      assert.match(await mainText(page), /Roll Länsstyrelsen/);
      await page.getByRole('radio', { name: 'Ledningsgrupp' }).check();
      await submitForm(page, () => page.getByRole('button', { name: 'Spara roll' }).click(), { status: 303 });

      await submitForm(page, () => page.getByRole('button', { name: 'Stäng av kontot' }).click(), { status: 303 });
      assert.match(await page.getByRole('status').innerText(), /Kontot är avstängt/);
      assert.match(await mainText(page), /Status Avstängd/);
      await expectAccessibleAndFits(page, 'a disabled user');
      await submitForm(page, () => page.getByRole('button', { name: 'Aktivera kontot' }).click(), { status: 303 });
      assert.equal(await page.getByRole('status').innerText(), 'Kontot är aktiverat.');

      await submitForm(page, () => page.getByRole('button', { name: 'Ge nytt engångslösenord' }).click(), { status: 200 });
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), `Nytt engångslösenord för ${ledning}`);
      await shownPassword(page);
      await expectAccessibleAndFits(page, 'a new one-time password');
      await navigateBy(page, () => page.getByRole('link', { name: 'Alla användare' }).click());
      const row = page.getByRole('main').locator('tbody tr', { hasText: ledning });
      assert.match(await row.innerText(), /har inte valt eget lösenord/);

      // The admin's own page: no way to lock oneself out.
      await navigateBy(page, () => page.getByRole('link', { name: server.users.admin.name }).click());
      assert.match(await mainText(page), /Det här är ditt eget konto/);
      assert.equal(await page.getByRole('button', { name: 'Stäng av kontot' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Spara roll' }).count(), 0);
      await expectAccessibleAndFits(page, 'the admin’s own user page');
    },
  );

  pageTest('without JavaScript the admin’s forms work too', { ...phone, javaScriptEnabled: false }, async ({ page }) => {
    // (axe and the layout checks need page scripts; they run on the same pages above.)
    const ombud = server.users.ombud2.name;
    await logIn(page, 'admin', undefined, { next: '/users' });
    await navigateBy(page, () => page.getByRole('link', { name: ombud }).click());
    await submitForm(page, () => page.getByRole('button', { name: 'Stäng av kontot' }).click(), { status: 303 });
    assert.match(await page.getByRole('status').innerText(), /Kontot är avstängt/);
    await submitForm(page, () => page.getByRole('button', { name: 'Aktivera kontot' }).click(), { status: 303 });
    assert.equal(await page.getByRole('status').innerText(), 'Kontot är aktiverat.');
    await navigateBy(page, () => page.getByRole('link', { name: 'Alla användare' }).click());
    await navigateBy(page, () => page.getByRole('link', { name: 'Lägg till användare' }).click());
    await page.getByLabel('Namn', { exact: true }).fill('Ingen Skriptsson');
    await page.getByLabel('Användarnamn').fill('ingen');
    await page.getByRole('radio', { name: 'Samordnare' }).check();
    await submitForm(page, () => page.getByRole('button', { name: 'Lägg till användare' }).click(), { status: 201 });
    await shownPassword(page);
  });
});
