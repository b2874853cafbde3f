// Shared support for the browser tests: a fresh demo server per test file, the system Chromium
// driven by playwright-core, and helpers that check what a person notices (axe-core rules,
// horizontal overflow, a visible focus indicator, Content-Security-Policy violations).
//
// Works on Node 18.19 and newer; uses only node:* modules besides the pinned npm packages.
// Environment:
//   OMBUD_BIN            the ombud binary (default: <repo>/build/release/src/ombud)
//   OMBUD_DEMO_PASSWORD  the demo users' password (default below; 12+ characters)
//   OMBUD_CHROMIUM       the browser executable (default: /usr/bin/chromium)
//   OMBUD_E2E_KEEP=1     keep each server's temporary directory (database, server.log)

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { after, before, it } from 'node:test';

import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const repoRoot = path.resolve(here, '..', '..');
export const ombudBinary = process.env.OMBUD_BIN || path.join(repoRoot, 'build', 'release', 'src', 'ombud');
export const demoPassword = process.env.OMBUD_DEMO_PASSWORD || 'Blåbärssylt-och-pannkakor';
export const chromiumPath = process.env.OMBUD_CHROMIUM || '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The WCAG 2.0/2.1 A and AA rule sets every page must pass. */
/** A phone (iPhone SE/12 mini-class) in CSS pixels: the screen ombud use in clients' homes. */
export const phone = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// The axe engine is the pinned axe-core package, injected explicitly, so a copy nested under
// @axe-core/playwright can never be the one that runs.
const axeVersion = require('axe-core/package.json').version;
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// ---------------------------------------------------------------------------------------------
// The server

const runningServers = new Set();
process.on('exit', () => {
  // Last resort when a test file dies without its after() hook: never leave a server behind.
  for (const child of runningServers) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
});

function run(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${stdout}${stderr}`));
    });
  });
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Creates a demo operation in a new temporary directory and serves it on a free port of
 * 127.0.0.1. `demoArgs` are passed on to `ombud demo` (for example ['--clients', '0'] for an
 * operation without demo clients). Returns { baseURL, port, dataDir, logFile, password, users,
 * stop }; `users` maps each demo username to { role, name } as `ombud demo` printed them.
 */
export async function startServer({ startTimeoutMs = 15_000, demoArgs = [] } = {}) {
  assert.ok(
    existsSync(ombudBinary),
    `the ombud binary ${ombudBinary} does not exist: build it or set OMBUD_BIN`,
  );
  const tmp = await mkdtemp(path.join(tmpdir(), 'ombud-e2e-'));
  const dataDir = path.join(tmp, 'data');
  const logFile = path.join(tmp, 'server.log');
  const env = { ...process.env, OMBUD_DEMO_PASSWORD: demoPassword };

  const demo = await run(ombudBinary, ['demo', '--data', dataDir, ...demoArgs], { env, timeoutMs: 30_000 });
  const users = {};
  for (const m of demo.stdout.matchAll(/^login: (\S+) \(([^,]+), ([^)]+)\)$/gm)) {
    users[m[1]] = { role: m[2], name: m[3] };
  }
  assert.ok(Object.keys(users).length > 0, `could not read the demo logins from:\n${demo.stdout}`);

  const logFd = openSync(logFile, 'a');
  const child = spawn(ombudBinary, ['serve', '--data', dataDir, '--listen', '127.0.0.1:0'], {
    env,
    stdio: ['ignore', 'pipe', logFd],
  });
  closeSync(logFd);
  runningServers.add(child);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  exited.then(() => runningServers.delete(child));

  let port;
  try {
    port = await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`ombud serve did not report its port within ${startTimeoutMs} ms`)),
        startTimeoutMs,
      );
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (line) => {
        const m = /^ombud: serving http:\/\/127\.0\.0\.1:(\d+)\/$/.exec(line.trim());
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`ombud serve exited early (${signal ?? `exit ${code}`})`));
      });
    });
  } catch (err) {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`${err.message}\n--- ${logFile} ---\n${tail(logFile)}`);
  }

  let stopped = false;
  return {
    baseURL: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    logFile,
    password: demoPassword,
    users,
    /** Stops the server with SIGTERM, waits for it to exit, and removes its directory. */
    async stop({ keep = process.env.OMBUD_E2E_KEEP === '1' } = {}) {
      if (stopped) return;
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        const { code, signal } = await exited;
        clearTimeout(timer);
        assert.ok(
          code === 0 || signal === 'SIGTERM',
          `ombud serve did not stop cleanly on SIGTERM (${signal ?? `exit ${code}`}); log: ${logFile}`,
        );
      }
      if (keep) console.log(`# kept ${tmp}`);
      else await rm(tmp, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The browser

/** Launches the system Chromium, headless. One per test file; close it in after(). */
export function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

/**
 * Creates a fresh browser context for one test (Swedish, desktop-sized unless `options` says
 * otherwise) with a page that records console errors, uncaught page errors and
 * Content-Security-Policy violations into `problems`. `server` may be null for pages made with
 * page.setContent(). Close `context` when done, or use withPage().
 */
export async function newPage(browser, server, options = {}) {
  const context = await browser.newContext({
    ...(server ? { baseURL: server.baseURL } : {}),
    locale: 'sv-SE',
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  const problems = { consoleErrors: [], pageErrors: [] };
  if (options.javaScriptEnabled !== false) {
    // Injected by the driver, so the page's own CSP does not apply to this listener.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        try {
          const all = JSON.parse(sessionStorage.getItem('__cspViolations') || '[]');
          all.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} on ${location.pathname}`);
          sessionStorage.setItem('__cspViolations', JSON.stringify(all));
        } catch {
          // No storage for this document (about:blank, opaque origins): the console report remains.
        }
      });
    });
  }
  // Fail fast on a missing element, well within a test's own time limit.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url ?? '';
    problems.consoleErrors.push({ text: msg.text(), url: where, page: page.url() });
  });
  page.on('pageerror', (err) => problems.pageErrors.push(`${page.url()}: ${err.message}`));
  return { context, page, problems };
}

/** Runs fn({ context, page, problems }) in a fresh context that is closed afterwards. */
export async function withPage(browser, server, options, fn) {
  const session = await newPage(browser, server, options);
  try {
    return await fn(session);
  } finally {
    await session.context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Navigation and signing in

/** A phone held upright with room for a form: 375 × 812. */
export const tallPhone = { ...phone, viewport: { width: 375, height: 812 } };

/**
 * For the enclosing describe(): a demo server (`demoArgs` for `ombud demo`) and a browser,
 * started before its tests and stopped after them. Returns { server, browser } as they are once
 * started, and pageTest(name, options, fn), a test that runs fn({ context, page, problems }) in a
 * fresh browser context.
 */
export function serverAndBrowser({ demoArgs = ['--clients', '40'], timeout = 60_000 } = {}) {
  const suite = { server: null, browser: null };
  before(async () => {
    suite.server = await startServer({ demoArgs });
    suite.browser = await launchBrowser();
  });
  after(async () => {
    try {
      await suite.browser?.close();
    } finally {
      await suite.server?.stop();
    }
  });
  suite.pageTest = (name, options, fn) =>
    it(name, { timeout }, () => withPage(suite.browser, suite.server, options, fn));
  return suite;
}

/** From the signed-in ombud's own list, opens the `n`th client whose assignment is active; returns its path. */
export async function openActiveClient(page, n = 0) {
  const row = page.getByRole('main').locator('tbody tr', { hasText: 'Aktivt uppdrag' }).nth(n);
  await navigateBy(page, () => row.getByRole('link').first().click());
  return new URL(page.url()).pathname;
}

/** A date `days` from today (negative: before) as YYYY-MM-DD, in the machine's own calendar. */
export function daysAhead(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Performs `action`, waits for the PDF download it starts, and reads it back as a person would
 * with pdftotext (poppler-utils). Returns { name, text } with the text's white space collapsed;
 * the file is removed afterwards.
 */
export async function downloadedPdf(page, action) {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  const dir = await mkdtemp(path.join(tmpdir(), 'ombud-pdf-'));
  try {
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    return { name: download.suggestedFilename(), text: text.replace(/\s+/g, ' ') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function pathOf(url) {
  return new URL(url).pathname;
}

/** Performs `action` (a click, a key press) and waits until the document it leads to has loaded. */
export async function navigateBy(page, action, { timeout = 15_000 } = {}) {
  const loaded = page.waitForEvent('load', { timeout });
  try {
    await action();
  } catch (err) {
    loaded.catch(() => {});
    throw err;
  }
  await loaded;
}

/** Goes to `url` and returns the response, failing on a status other than `status`. */
export async function visit(page, url, { status = 200 } = {}) {
  const response = await page.goto(url);
  assert.ok(response, `no response for ${url}`);
  assert.equal(response.status(), status, `GET ${url}: HTTP ${response.status()}, expected ${status}`);
  return response;
}

/** The visible text of <main>, whitespace collapsed: what a person reads on the page. */
export async function mainText(page) {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * Performs `action` that sends a form (a click, Enter), waits for the page it leads to, and
 * fails unless the form's POST was answered with `status`; the message tells what the page
 * said and which Origin the browser sent. Returns the POST's response.
 */
export async function submitForm(page, action, { status, label = 'the form', timeout = 15_000 } = {}) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest(), { timeout }),
    navigateBy(page, action, { timeout }),
  ]);
  if (status !== undefined && response.status() !== status) {
    const origin = await response.request().headerValue('origin');
    let hint = '';
    if (origin === 'null') {
      hint = '\n  (browsers send "Origin: null" with a form POST from a page whose ' +
        'referrer policy is no-referrer; the server refuses that as cross-site)';
    }
    assert.fail(
      `${label}: POST ${pathOf(response.url())} answered HTTP ${response.status()}, expected ${status}; ` +
        `the browser sent Origin: ${origin}; the page says: ${await mainText(page)}${hint}`,
    );
  }
  return response;
}

/**
 * Signs in through the login form, as a person would, and waits for the page that follows.
 * Fails with what the page said when the server did not accept the login.
 */
export async function logIn(page, username, password = demoPassword, { next } = {}) {
  await visit(page, next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  const submit = page.locator('form[action="/login"] button[type="submit"]');
  const response = await submitForm(page, () => submit.click(), { status: 303, label: `login as ${username}` });
  assert.notEqual(pathOf(page.url()), '/login', `login as ${username}: still on the login page`);
  return response;
}

/** Signs out with the button in the header bar and waits for the login page. */
export async function logOut(page) {
  const button = page.locator('form[action="/logout"] button[type="submit"]');
  await submitForm(page, () => button.click(), { status: 303, label: 'logging out' });
  assert.equal(pathOf(page.url()), '/login', `after logging out the browser is at ${page.url()}`);
}

// ---------------------------------------------------------------------------------------------
// Checks

function describeViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => {
          const summary = (n.failureSummary || '').split('\n').slice(1, 3).map((l) => l.trim()).join('; ');
          return `    - ${n.target.join(' ')}${summary ? `: ${summary}` : ''}`;
        })
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
}

/**
 * Runs axe-core with the WCAG 2.0/2.1 A and AA rules on the page as it is now and fails with a
 * readable list (rule id, impact, target selectors, help) when anything is violated.
 * `label` names the page state in the message. `configure(builder)` may narrow the run
 * (include/exclude); use it sparingly and say why.
 */
export async function expectNoAxeViolations(page, label = pathOf(page.url()), { configure } = {}) {
  // Legacy mode runs axe.run() in the page instead of aggregating partial results in an extra
  // blank page: three times faster, and it only gives up testing cross-origin frames, which the
  // pages' CSP (default-src 'none', no frame-src) forbids anyway.
  let builder = new AxeBuilder({ page, axeSource }).withTags(wcagTags).setLegacyMode(true);
  if (configure) builder = configure(builder) ?? builder;
  const results = await builder.analyze();
  assert.equal(results.testEngine.version, axeVersion, 'axe ran an engine other than the pinned axe-core');
  assert.ok(results.passes.length > 0, `axe checked nothing on ${label}: is the page empty?`);
  assert.ok(
    results.violations.length === 0,
    `axe found ${results.violations.length} WCAG A/AA violation(s) on ${label} (${page.url()}):\n` +
      describeViolations(results.violations),
  );
  return results;
}

/** Fails when the page scrolls sideways, naming the elements that stick out. */
export async function expectNoHorizontalOverflow(page, label = pathOf(page.url())) {
  const m = await page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const wide = [];
    const describe = (el) =>
      el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') +
      (typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '');
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.right > width + 0.5) {
        wide.push(`${describe(el)} (right edge at ${Math.round(r.right)} px)`);
      } else if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible') {
        // The box fits but its content (a long word, a wide child) spills out of it.
        wide.push(`${describe(el)} (content ${el.scrollWidth} px wide in ${el.clientWidth} px)`);
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, wide: wide.slice(0, 8) };
  });
  assert.ok(
    m.scrollWidth <= m.clientWidth,
    `${label} scrolls sideways: scrollWidth ${m.scrollWidth} > clientWidth ${m.clientWidth}; ` +
      `sticking out: ${m.wide.join(', ') || '(none found)'}`,
  );
  return m;
}

/** Both checks every new page state gets: axe-core (WCAG 2.1 AA) and no sideways scrolling. */
export async function expectAccessibleAndFits(page, label = pathOf(page.url())) {
  await expectNoAxeViolations(page, label);
  await expectNoHorizontalOverflow(page, label);
}

/**
 * Fails unless every list (table) on the page fits its width, as cards on a narrow screen: no
 * list area is wider than its box, and every value is shown after its column's name. Returns
 * the number of rows checked.
 */
export async function expectListsFit(page, label = pathOf(page.url())) {
  const m = await page.evaluate(() => {
    const problems = [];
    let rows = 0;
    for (const wrap of document.querySelectorAll('main .table-wrap')) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        problems.push(`a list is ${wrap.scrollWidth} px wide in ${wrap.clientWidth} px`);
      }
      const box = wrap.getBoundingClientRect();
      for (const tr of wrap.querySelectorAll('tbody tr')) {
        rows++;
        for (const td of tr.querySelectorAll('td')) {
          if (!td.textContent.trim()) continue;
          const r = td.getBoundingClientRect();
          if (r.right > box.right + 0.5) problems.push(`"${td.textContent.trim()}" is cut off at ${Math.round(r.right)} px`);
          const before = getComputedStyle(td, '::before').content;
          if (!before.includes(td.dataset.label)) problems.push(`"${td.textContent.trim()}" is shown without its column's name`);
        }
      }
    }
    return { problems: problems.slice(0, 8), rows };
  });
  assert.deepEqual(m.problems, [], `${label}: a list does not fit the screen`);
  return m.rows;
}

/** Fails unless the page's heading starts within the top `share` of the first screen. */
export async function expectHeadingHigh(page, label = pathOf(page.url()), share = 0.3) {
  const { top, height } = await page.evaluate(() => ({
    top: document.querySelector('main h1').getBoundingClientRect().top + window.scrollY,
    height: window.innerHeight,
  }));
  assert.ok(top <= height * share, `${label}: the heading starts at ${Math.round(top)} px of a ${height} px screen`);
}

/** The focused element and how its focus is drawn. */
export function focusState(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body', id: '', text: '', outline: 'none', boxShadow: 'none' };
    const s = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      name: el.getAttribute('name') || '',
      text: (el.innerText || el.value || '').trim().slice(0, 60),
      outline: s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 ? 'none' : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
      boxShadow: s.boxShadow,
    };
  });
}

/** Fails unless the focused element shows a focus indicator (an outline or a box shadow). */
export async function expectFocusVisible(page, label) {
  const f = await focusState(page);
  assert.notEqual(f.tag, 'body', `${label}: nothing has focus`);
  assert.ok(
    f.outline !== 'none' || (f.boxShadow && f.boxShadow !== 'none'),
    `${label}: the focused <${f.tag}${f.id ? ` id="${f.id}"` : ''}> "${f.text}" has no visible focus ` +
      `indicator (outline: ${f.outline}, box-shadow: ${f.boxShadow})`,
  );
  return f;
}

/** Content-Security-Policy violations seen so far: console reports and DOM events. */
export async function cspViolations(page, problems) {
  const fromConsole = problems.consoleErrors
    .filter((e) => /content[- ]security[- ]policy/i.test(e.text))
    .map((e) => `${e.page}: ${e.text}`);
  let fromEvents = [];
  try {
    fromEvents = JSON.parse((await page.evaluate(() => sessionStorage.getItem('__cspViolations'))) || '[]');
  } catch {
    // JavaScript disabled or no document: the console reports still count.
  }
  return [...fromConsole, ...fromEvents];
}

/** Fails on any CSP violation or uncaught script error recorded for this page. */
export async function expectNoCspViolations(page, problems, label = 'the pages visited') {
  const csp = await cspViolations(page, problems);
  assert.deepEqual(csp, [], `Content-Security-Policy violations on ${label}:\n  ${csp.join('\n  ')}`);
  assert.deepEqual(problems.pageErrors, [], `script errors on ${label}:\n  ${problems.pageErrors.join('\n  ')}`);
}
