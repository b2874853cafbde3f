// The checks in support.mjs must be able to fail: each is run here on a small page that is
// known to be broken, and must report the problem readably. No server is needed.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  expectFocusVisible,
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
  launchBrowser,
  withPage,
} from './support.mjs';

const TEST_TIMEOUT = 30_000;

const goodPage = `<!DOCTYPE html><html lang="sv"><head><title>Bra sida</title></head>
<body><main><h1>Rubrik</h1><label for="f">Namn</label><input id="f" type="text">
<button type="submit">Skicka</button></main></body></html>`;

describe('the support checks', () => {
  let browser;

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  const pageTest = (name, options, fn) =>
    it(name, { timeout: TEST_TIMEOUT }, () => withPage(browser, null, options, fn));

  pageTest('the axe check passes a clean page and names rule, impact, target and help otherwise', {}, async ({ page }) => {
    await page.setContent(goodPage);
    await expectNoAxeViolations(page, 'a clean page');

    await page.setContent(`<!DOCTYPE html><html><head><title>Trasig</title></head><body><main>
      <h1>Rubrik</h1><input id="nameless" type="text"><img id="picture" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
      </main></body></html>`);
    await assert.rejects(expectNoAxeViolations(page, 'a broken page'), (err) => {
      assert.match(err.message, /WCAG A\/AA violation\(s\) on a broken page/);
      assert.match(err.message, /\[serious\] html-has-lang: <html> element must have a lang attribute/);
      assert.match(err.message, /\[critical\] label: .*\n\s+- #nameless/);
      assert.match(err.message, /\[critical\] image-alt: .*\n\s+- #picture/);
      assert.match(err.message, /https:\/\/dequeuniversity\.com\/rules\/axe\//);
      return true;
    });
  });

  pageTest('the overflow check names what sticks out', { viewport: { width: 375, height: 740 } }, async ({ page }) => {
    await page.setContent(goodPage);
    await expectNoHorizontalOverflow(page, 'a narrow page');

    await page.setContent(`<!DOCTYPE html><html lang="sv"><head><title>Bred</title></head><body style="margin:0">
      <main><pre id="wide" class="code">${'x'.repeat(200)}</pre></main></body></html>`);
    await assert.rejects(expectNoHorizontalOverflow(page, 'a wide page'), (err) => {
      assert.match(err.message, /a wide page scrolls sideways: scrollWidth \d+ > clientWidth 375/);
      assert.match(err.message, /pre#wide\.code/);
      return true;
    });
  });

  pageTest('the focus check accepts an outline or a box shadow and fails on neither', {}, async ({ page }) => {
    await page.setContent(`<!DOCTYPE html><html lang="sv"><head><title>Fokus</title><style>
      #outlined:focus { outline: 3px solid black; box-shadow: none; }
      #shadowed:focus { outline: none; box-shadow: 0 0 0 4px orange; }
      #invisible:focus { outline: none; box-shadow: none; }
      </style></head><body><main><h1>Fokus</h1>
      <button id="outlined">Ett</button><button id="shadowed">Två</button><button id="invisible">Tre</button>
      </main></body></html>`);
    await page.keyboard.press('Tab');
    assert.equal((await expectFocusVisible(page, 'the outlined button')).id, 'outlined');
    await page.keyboard.press('Tab');
    assert.equal((await expectFocusVisible(page, 'the shadowed button')).id, 'shadowed');
    await page.keyboard.press('Tab');
    await assert.rejects(expectFocusVisible(page, 'the third button'), /the third button: the focused <button id="invisible"> "Tre" has no visible focus indicator/);
  });
});
