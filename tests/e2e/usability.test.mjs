// How the foundation pages work for people who use a keyboard only, a phone, 200 % or 400 %
// zoom, or a browser without JavaScript.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  expectFocusVisible,
  expectHeadingHigh,
  expectListsFit,
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
  focusState,
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

const TEST_TIMEOUT = 30_000;

// A 1280×800 screen at 200 % and at 400 % zoom, in CSS pixels (the phone is support.mjs's).
const zoom200 = { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 };
const zoom400 = { viewport: { width: 320, height: 200 }, deviceScaleFactor: 4 };

describe('usability of the foundation pages', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
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

  /** Sends the login form empty and checks that the field errors are shown. */
  async function submitEmptyLogin(page) {
    await submitForm(page, () => page.getByRole('button', { name: 'Logga in' }).click(), { status: 400 });
    assert.match(await page.getByRole('alert').innerText(), /Rätta följande:/);
    assert.equal(await page.locator('.field-error').count(), 2);
  }

  /** Presses Tab and returns the focused element; fails if it has no visible focus indicator. */
  async function tab(page, label) {
    await page.keyboard.press('Tab');
    return expectFocusVisible(page, label);
  }

  describe('keyboard only', () => {
    pageTest('the first Tab reaches a visible skip link that moves focus to the main content', {}, async ({ page }) => {
      await visit(page, '/login');
      const first = await tab(page, 'the first Tab');
      assert.equal(first.tag, 'a');
      assert.equal(first.text, 'Hoppa till innehållet');
      const box = await page.getByRole('link', { name: 'Hoppa till innehållet' }).boundingBox();
      assert.ok(box && box.y >= 0 && box.height > 0, `the focused skip link is on screen: ${JSON.stringify(box)}`);

      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main');
      assert.equal(new URL(page.url()).hash, '#main');
      // The next Tab continues inside the main content, at the first form field.
      const next = await tab(page, 'the Tab after the skip link');
      assert.equal(next.id, 'username');
    });

    pageTest('the login form is filled in and sent with the keyboard alone; focus is always visible', {}, async ({ page }) => {
      await visit(page, '/login');
      const order = [];
      let f;
      for (let i = 0; i < 10; i++) {
        f = await tab(page, `Tab stop ${i + 1} on the login page`);
        order.push(f.id || f.text);
        if (f.id === 'username') break;
      }
      assert.deepEqual(order, ['Hoppa till innehållet', 'Personligt ombud', 'In English', 'username']);
      await page.keyboard.type('ombud1');
      f = await tab(page, 'the password field');
      assert.equal(f.id, 'password');
      await page.keyboard.type(server.password);
      f = await tab(page, 'the login button');
      assert.equal(f.tag, 'button');
      assert.equal(f.text, 'Logga in');

      await submitForm(page, () => page.keyboard.press('Enter'), { status: 303, label: 'the keyboard login' });
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Mina klienter');

      // On the start page every Tab stop in the header shows focus, up to the logout button,
      // which logs out from the keyboard.
      for (let i = 0; i < 12; i++) {
        f = await tab(page, `Tab stop ${i + 1} on the start page`);
        if (f.tag === 'button') break;
      }
      assert.equal(f.text, 'Logga ut', 'the logout button is reachable with Tab');
      await submitForm(page, () => page.keyboard.press('Enter'), { status: 303, label: 'the keyboard logout' });
      assert.equal(await page.getByRole('status').innerText(), 'Du är utloggad.');
    });

    pageTest('an error summary link, followed with the keyboard, puts focus in the field', {}, async ({ page }) => {
      await visit(page, '/login');
      await page.getByLabel('Användarnamn').focus();
      // Enter in a text field submits the (empty) form.
      await submitForm(page, () => page.keyboard.press('Enter'), { status: 400 });
      const link = page.getByRole('alert').getByRole('link').first();
      await link.focus();
      await expectFocusVisible(page, 'the first error summary link');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'username');
      const f = await focusState(page);
      assert.equal(f.id, 'username');
    });
  });

  describe('phone, 375 × 740', () => {
    pageTest('no page reached scrolls sideways', phone, async ({ page }) => {
      await visit(page, '/login');
      await expectNoHorizontalOverflow(page, 'the login page');
      await submitEmptyLogin(page);
      await expectNoHorizontalOverflow(page, 'the login page with field errors');
      await visit(page, '/finns-inte', { status: 404 });
      await expectNoHorizontalOverflow(page, 'the 404 page');
      for (const username of ['ombud1', 'samordnare', 'ledning', 'admin']) {
        await logIn(page, username);
        await expectNoHorizontalOverflow(page, `the ${username} start page`);
        await logOut(page);
        await expectNoHorizontalOverflow(page, 'the login page after logging out');
      }
      await visit(page, '/lang/en?next=/login');
      await expectNoHorizontalOverflow(page, 'the English login page');
    });

    pageTest('the pages have no axe violations at phone width', phone, async ({ page }) => {
      await visit(page, '/login');
      await expectNoAxeViolations(page, 'the login page on a phone');
      await logIn(page, 'ombud1');
      await expectNoAxeViolations(page, 'the ombud start page on a phone');
      await logOut(page);
      await logIn(page, 'admin');
      await expectNoAxeViolations(page, 'the admin start page on a phone');
      await visit(page, '/users');
      await expectNoAxeViolations(page, 'the users page on a phone');
    });

    pageTest('each list reads as cards, under a header that leaves the page its first screen', phone, async ({ page }) => {
      const lists = { samordnare: ['/', '/queue', '/clients', '/deadlines', '/caseload'], ombud1: ['/'], admin: ['/', '/users'] };
      for (const [username, paths] of Object.entries(lists)) {
        await logIn(page, username);
        for (const p of paths) {
          await visit(page, p);
          await expectHeadingHigh(page, `${p} as ${username}`);
          await expectListsFit(page, `${p} as ${username}`);
          await expectNoHorizontalOverflow(page, `${p} as ${username}`);
        }
        await logOut(page);
      }
      // The users list really is a list of cards here: each user's values under their names.
      await logIn(page, 'admin', undefined, { next: '/users' });
      assert.ok((await expectListsFit(page, 'the users page')) >= 4, 'the users are listed');
      const role = page.getByRole('main').locator('tbody tr').first().locator('td[data-label="Roll"]');
      assert.match(await role.evaluate((el) => getComputedStyle(el, '::before').content), /Roll/);
      assert.ok((await page.getByRole('main').locator('thead').boundingBox()).height <= 1, 'the column row is not shown');
    });
  });

  for (const [name, options] of [['200 %', zoom200], ['400 %', zoom400]]) {
    describe(`text at ${name} zoom (${options.viewport.width} CSS px wide)`, () => {
      pageTest('the login page, with and without errors, does not scroll sideways', options, async ({ page }) => {
        await visit(page, '/login');
        await expectNoHorizontalOverflow(page, 'the login page');
        await submitEmptyLogin(page);
        await expectNoHorizontalOverflow(page, 'the login page with field errors');
      });

      pageTest('the start pages and the lists do not scroll sideways', options, async ({ page }) => {
        for (const [username, p] of [['ombud1', '/'], ['admin', '/users']]) {
          await logIn(page, username, undefined, { next: p });
          await expectNoHorizontalOverflow(page, `${p} as ${username}`);
          await expectListsFit(page, `${p} as ${username}`);
          await logOut(page);
        }
        await logIn(page, 'samordnare');
        for (const p of ['/queue', '/clients', '/deadlines']) {
          await visit(page, p);
          await expectNoHorizontalOverflow(page, p);
          await expectListsFit(page, p);
        }
      });
    });
  }

  describe('a list longer than a page', () => {
    let big;
    before(async () => {
      big = await startServer({ demoArgs: ['--clients', '80'] });
    });
    after(async () => {
      await big?.stop();
    });

    it('comes 50 at a time, with links to the pages before and after, on a phone', { timeout: TEST_TIMEOUT }, () =>
      withPage(browser, big, phone, async ({ page }) => {
        await logIn(page, 'samordnare');
        await visit(page, '/clients');
        const pager = page.getByRole('navigation', { name: 'Sidor' });
        assert.match(await pager.innerText(), /Sida 1 av 2 \(\d+ ärenden\)/);
        assert.equal(await page.getByRole('main').locator('tbody tr').count(), 50);
        await expectNoAxeViolations(page, 'the first page of the cases');
        await expectNoHorizontalOverflow(page, 'the first page of the cases');
        await expectListsFit(page, 'the first page of the cases');
        await navigateBy(page, () => pager.getByRole('link', { name: 'Nästa sida' }).click());
        assert.match(await page.getByRole('navigation', { name: 'Sidor' }).innerText(), /Sida 2 av 2/);
        assert.ok((await page.getByRole('main').locator('tbody tr').count()) > 0);
        await navigateBy(page, () => page.getByRole('link', { name: 'Föregående sida' }).click());
        assert.equal(new URL(page.url()).search, '?page=1');
      }));
  });

  describe('without JavaScript', () => {
    pageTest('logging in, seeing the start page and logging out all work', { javaScriptEnabled: false }, async ({ page }) => {
      // Page scripts really are off in this context.
      await page.setContent('<title>scripts off</title><script>document.title = "scripts on"</script>');
      assert.equal(await page.title(), 'scripts off');

      await visit(page, '/login');

      // A wrong password is reported without scripts too.
      await page.getByLabel('Användarnamn').fill('ombud2');
      await page.getByLabel('Lösenord').fill('inte-det-rätta-lösenordet');
      const submit = page.getByRole('button', { name: 'Logga in' });
      await submitForm(page, () => submit.click(), { status: 401, label: 'a wrong password' });
      assert.match(await page.getByRole('alert').innerText(), /Fel användarnamn eller lösenord\./);

      await page.getByLabel('Lösenord').fill(server.password);
      await submitForm(page, () => submit.click(), { status: 303, label: 'the login' });
      assert.equal(new URL(page.url()).pathname, '/');
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Mina klienter');
      assert.match(await mainText(page), new RegExp(`Välkommen, ${server.users.ombud2.name}\\.`));

      await submitForm(page, () => page.getByRole('button', { name: 'Logga ut' }).click(), { status: 303, label: 'logging out' });
      assert.equal(new URL(page.url()).pathname, '/login');
      assert.equal(await page.getByRole('status').innerText(), 'Du är utloggad.');
    });
  });
});
