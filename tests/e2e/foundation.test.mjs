// The foundation pages in a real browser: logging in and out, each role's start page, the
// English version, the 404 page, and the security headers and CSP as the browser applies them.
// Every page state is checked with axe-core (WCAG 2.0/2.1 A and AA).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  cspViolations,
  expectNoAxeViolations,
  expectNoCspViolations,
  launchBrowser,
  logIn,
  logOut,
  mainText,
  navigateBy,
  startServer,
  submitForm,
  visit,
  withPage,
} from './support.mjs';

const TEST_TIMEOUT = 30_000;

describe('foundation pages', () => {
  let server;
  let browser;

  before(async () => {
    // No demo clients: an ombud's start page then shows its empty state.
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

  const pageTest = (name, fn, options = {}) =>
    it(name, { timeout: TEST_TIMEOUT }, () => withPage(browser, server, options, fn));

  describe('login page', () => {
    pageTest('is in Swedish, has labelled fields and no axe violations', async ({ page }) => {
      await visit(page, '/login');
      assert.equal(await page.title(), 'Logga in – Personligt ombud');
      assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Logga in');
      assert.equal(await page.getByLabel('Användarnamn').getAttribute('autocomplete'), 'username');
      assert.equal(await page.getByLabel('Lösenord').getAttribute('type'), 'password');
      assert.ok(await page.getByRole('button', { name: 'Logga in' }).isVisible());
      await expectNoAxeViolations(page, 'the login page');
    });

    pageTest('says a wrong password is wrong, in Swedish, with no axe violations', async ({ page }) => {
      await visit(page, '/login');
      await page.getByLabel('Användarnamn').fill('ombud1');
      await page.getByLabel('Lösenord').fill('inte-det-rätta-lösenordet');
      await submitForm(page, () => page.getByRole('button', { name: 'Logga in' }).click(), { status: 401 });
      const summary = page.getByRole('alert');
      assert.equal(await summary.count(), 1, 'exactly one visible alert');
      assert.match(await summary.innerText(), /Fel användarnamn eller lösenord\./);
      // The username stays filled in; the password never comes back.
      assert.equal(await page.getByLabel('Användarnamn').inputValue(), 'ombud1');
      assert.equal(await page.getByLabel('Lösenord').inputValue(), '');
      await expectNoAxeViolations(page, 'the login page after a wrong password');
    });

    pageTest('shows field errors for an empty form, linked from the summary to each field', async ({ page }) => {
      await visit(page, '/login');
      await submitForm(page, () => page.getByRole('button', { name: 'Logga in' }).click(), { status: 400 });
      const summary = page.getByRole('alert');
      assert.match(await summary.innerText(), /Rätta följande:/);

      // Each message names what to fill in, so it reads on its own in the summary and at the field.
      const expected = [
        ['Användarnamn', 'username', 'Fyll i ditt användarnamn.'],
        ['Lösenord', 'password', 'Fyll i ditt lösenord.'],
      ];
      assert.deepEqual(
        await summary.getByRole('link').allInnerTexts(),
        expected.map(([, , message]) => message),
        'the summary lists both fields, in the order of the form',
      );
      for (const [label, id, message] of expected) {
        const field = page.getByLabel(label);
        assert.equal(await field.getAttribute('aria-invalid'), 'true', `${label} is marked invalid`);
        const describedBy = await field.getAttribute('aria-describedby');
        assert.ok(describedBy, `${label} has its error as its description`);
        const error = page.locator(`#${describedBy}`);
        assert.equal(await error.innerText(), message);
        // "Fel:" is put before the message, so the error is not told by colour alone.
        assert.equal(await error.evaluate((el) => getComputedStyle(el, '::before').content), '"Fel: "');

        // The summary's link for this field moves the keyboard focus into the field.
        const link = summary.locator(`a[href="#${id}"]`);
        assert.equal(await link.innerText(), message);
        await link.click();
        assert.equal(await page.evaluate(() => document.activeElement?.id), id, `focus after the ${label} link`);
      }
      await expectNoAxeViolations(page, 'the login page with field errors');
    });
  });

  describe('signing in and out', () => {
    pageTest('ombud1 reaches "Mina klienter", logs out, and is then asked to log in again', async ({ page, context }) => {
      const me = server.users.ombud1;
      assert.ok(me, 'the demo has ombud1');
      await logIn(page, 'ombud1');
      assert.equal(new URL(page.url()).pathname, '/');
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Mina klienter');
      const text = await mainText(page);
      assert.match(text, new RegExp(`Välkommen, ${me.name}\\.`));
      assert.match(text, /Du har inga klienter just nu\./);
      assert.equal(await page.getByRole('table').count(), 0, 'no empty table is shown');
      // An ombud records a new contact from the start page too.
      const newContact = page.getByRole('main').getByRole('link', { name: 'Ny kontakt', exact: true });
      assert.equal(await newContact.getAttribute('href'), '/contacts/new');
      const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
      assert.deepEqual(await menu.getByRole('link').allInnerTexts(), ['Mina klienter', 'Ny kontakt', 'Min kalender']);
      const header = (await page.locator('header').innerText()).replace(/\s+/g, ' ');
      assert.match(header, new RegExp(`${me.name}, Personligt ombud`), 'the header bar says who is signed in');
      assert.equal(
        await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina klienter' })
          .getAttribute('aria-current'),
        'page',
      );
      await expectNoAxeViolations(page, 'the ombud start page');

      // The session cookie is out of reach of scripts and of other sites.
      const session = (await context.cookies()).find((c) => c.name.endsWith('ombud_session'));
      assert.ok(session, 'a session cookie is set');
      assert.equal(session.httpOnly, true);
      assert.equal(session.sameSite, 'Strict');
      assert.ok(!(await page.evaluate(() => document.cookie)).includes(session.value));

      await logOut(page);
      assert.equal(await page.getByRole('status').innerText(), 'Du är utloggad.');
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Logga in');
      await expectNoAxeViolations(page, 'the login page after logging out');

      await page.goto('/');
      const url = new URL(page.url());
      assert.equal(url.pathname, '/login', 'a signed-out visit to / lands on the login page');
      assert.equal(url.searchParams.get('next'), '/');
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Logga in');
    });

    const roles = [
      {
        username: 'samordnare',
        intro: /Här tar du emot nya kontakter/,
        menu: ['Start', 'Ny kontakt', 'Ärenden', 'Kö', 'Bevakning', 'Ärendebelastning', 'Regler'],
      },
      { username: 'ledning', intro: /Ledningsgruppen ser verksamhetens sammanställningar\./, menu: ['Start', 'Regler'] },
      { username: 'admin', intro: /Som administratör hanterar du användare/, menu: ['Start', 'Användare', 'Regler'] },
    ];
    for (const { username, intro, menu } of roles) {
      pageTest(`${username} reaches its own start page with no axe violations`, async ({ page }) => {
        const me = server.users[username];
        assert.ok(me, `the demo has ${username}`);
        await logIn(page, username);
        assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Start');
        const text = await mainText(page);
        assert.match(text, new RegExp(`Välkommen, ${me.name}\\.`));
        assert.match(text, intro);
        assert.doesNotMatch(text, /Du har inga klienter just nu/, 'only an ombud has a client list');
        assert.deepEqual(
          await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').allInnerTexts(),
          menu,
          `the menu of ${username}`,
        );

        // Users are managed on their own page, reached from the menu; no start page lists them.
        assert.equal(await page.getByRole('table').count(), 0, `${username}'s start page has no table`);
        await expectNoAxeViolations(page, `the ${username} start page`);
        if (username === 'admin') {
          await navigateBy(page, () =>
            page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Användare' }).click());
          assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Användare');
          const table = page.getByRole('table');
          const headers = await table.getByRole('columnheader').allInnerTexts();
          assert.deepEqual(headers, ['Namn', 'Användarnamn', 'Roll', 'Status', 'Senast inloggad']);
          const rows = await table.locator('tbody tr').allInnerTexts();
          for (const [name, user] of Object.entries(server.users)) {
            assert.ok(
              rows.some((r) => r.includes(name) && r.includes(user.name) && r.includes('Aktiv')),
              `the users table lists ${name} (${user.name}) as active; rows: ${rows.join(' | ')}`,
            );
          }
          await expectNoAxeViolations(page, 'the users page');
        }
      });
    }
  });

  describe('English', () => {
    pageTest('/lang/en shows the login page in English with no axe violations', async ({ page }) => {
      await visit(page, '/lang/en?next=/login');
      assert.equal(new URL(page.url()).pathname, '/login');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Log in');
      assert.ok(await page.getByLabel('Username').isVisible());
      assert.ok(await page.getByLabel('Password').isVisible());
      assert.ok(await page.getByRole('button', { name: 'Log in' }).isVisible());
      const back = page.getByRole('link', { name: 'På svenska' });
      assert.equal(await back.getAttribute('lang'), 'sv', 'the link to Swedish is marked as Swedish');
      await expectNoAxeViolations(page, 'the English login page');

      // The choice sticks: the next page is in English too.
      await visit(page, '/finns-inte', { status: 404 });
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Something went wrong');
    });
  });

  describe('errors', () => {
    pageTest('an unknown address shows a 404 page with a way back and no axe violations', async ({ page }) => {
      await visit(page, '/finns-inte', { status: 404 });
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Något blev fel');
      assert.match(await mainText(page), /Sidan eller uppgiften finns inte\./);
      assert.equal(await page.getByRole('link', { name: 'Till startsidan' }).getAttribute('href'), '/');
      await expectNoAxeViolations(page, 'the 404 page');
    });
  });

  describe('security as the browser sees it', () => {
    pageTest('the login page carries a strict Content-Security-Policy and the other headers', async ({ page, context }) => {
      const response = await visit(page, '/login');
      const headers = await response.allHeaders();
      const csp = headers['content-security-policy'];
      assert.ok(csp, 'Content-Security-Policy is present');
      assert.doesNotMatch(csp, /'unsafe-inline'/);
      assert.doesNotMatch(csp, /'unsafe-eval'/);
      const directives = Object.fromEntries(
        csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v.join(' ')]),
      );
      assert.equal(directives['default-src'], "'none'");
      assert.equal(directives['script-src'], "'self'");
      assert.equal(directives['style-src'], "'self'");
      assert.equal(directives['frame-ancestors'], "'none'");
      assert.equal(directives['form-action'], "'self'");
      assert.equal(headers['x-content-type-options'], 'nosniff');
      assert.equal(headers['x-frame-options'], 'DENY');
      // Never the address of a page to another site.
      assert.ok(['no-referrer', 'same-origin'].includes(headers['referrer-policy']), `Referrer-Policy: ${headers['referrer-policy']}`);
      assert.match(headers['cache-control'], /no-store/);

      const pre = (await context.cookies()).find((c) => c.name.endsWith('ombud_pre'));
      assert.ok(pre, 'the login form has its pre-session cookie');
      assert.equal(pre.httpOnly, true);
      assert.equal(pre.sameSite, 'Strict');
    });

    pageTest('the browser enforces the CSP: an injected inline style is blocked and reported', async ({ page, problems }) => {
      // Proves that the CSP check below can fail: the browser must refuse this and say so.
      await visit(page, '/login');
      const applied = await page.evaluate(async () => {
        const style = document.createElement('style');
        style.textContent = 'body { margin-left: 123px !important; }';
        document.head.append(style);
        await new Promise((resolve) => setTimeout(resolve, 50));
        return getComputedStyle(document.body).marginLeft;
      });
      assert.notEqual(applied, '123px', 'the inline style must not apply');
      let found = [];
      for (let i = 0; i < 20 && found.length === 0; i++) {
        found = await cspViolations(page, problems);
        if (found.length === 0) await page.waitForTimeout(50);
      }
      assert.ok(found.some((v) => /style-src/.test(v)), `the violation is reported; got: ${found.join(' | ')}`);
    });

    pageTest('no page reached logs a CSP violation or a script error', async ({ page, problems }) => {
      await visit(page, '/login');
      const submit = page.getByRole('button', { name: 'Logga in' });
      await submitForm(page, () => submit.click(), { status: 400, label: 'the empty login form' });
      await page.getByLabel('Användarnamn').fill('ombud1');
      await page.getByLabel('Lösenord').fill('inte-det-rätta-lösenordet');
      await submitForm(page, () => submit.click(), { status: 401, label: 'a wrong password' });
      await visit(page, '/finns-inte', { status: 404 });
      for (const username of ['ombud1', 'samordnare', 'ledning', 'admin']) {
        await logIn(page, username);
        await logOut(page);
      }
      await visit(page, '/lang/en?next=/login');
      await logIn(page, 'admin');
      await logOut(page);
      await expectNoCspViolations(page, problems, 'the login, error, start and logout pages');
    });
  });
});
