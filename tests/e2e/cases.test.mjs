// From first contact to an active assignment, in a real browser: the samordnare records a
// contact, assesses it, books and records the orientation visit, queues the person and assigns an
// ombud, who then sees the client. Also the side paths (a relative's contact, under 18, declined,
// acute), the contact form's error states, the overviews and the rules page; every page state is
// checked with axe-core (WCAG 2.0/2.1 A and AA). Runs on an operation without demo clients.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  expectFocusVisible,
  expectListsFit,
  expectNoAxeViolations,
  expectNoCspViolations,
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

const TEST_TIMEOUT = 45_000;
const PATH_TIMEOUT = 90_000;

// ---------------------------------------------------------------------------------------------
// What a person reads and does on these pages

/** `days` calendar days after the ISO date `iso` (YYYY-MM-DD), as YYYY-MM-DD. */
function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const pathOf = (page) => new URL(page.url()).pathname;

/** The terms and values of the page's facts list, as { term: value }. */
function facts(page) {
  return page.locator('main dl.facts .fact').evaluateAll((els) =>
    Object.fromEntries(els.map((el) => [el.querySelector('dt').textContent.trim(), el.querySelector('dd').textContent.trim()])),
  );
}

/** The action buttons (links) offered under the facts, in order. */
function actions(page) {
  return page.locator('main ul.actions').getByRole('link').allInnerTexts();
}

/** The status message shown after a change. */
function notice(page) {
  return page.getByRole('status').innerText();
}

/** Follows the link (or menu item) named `name` and waits for the page it leads to. */
async function follow(page, name, scope = page.getByRole('main')) {
  await navigateBy(page, () => scope.getByRole('link', { name, exact: true }).click());
}

/** Follows the main menu's item `name`. */
function menu(page, name) {
  return follow(page, name, page.getByRole('navigation', { name: 'Huvudmeny' }));
}

/** Presses the form button `name` and fails unless the server answers `status`. */
function send(page, name, status = 303) {
  return submitForm(page, () => page.getByRole('button', { name, exact: true }).click(), { status, label: name });
}

/** Picks `answer` among the radio buttons of the question `question`. */
function choose(page, question, answer) {
  return page.getByRole('group', { name: question, exact: true }).getByRole('radio', { name: answer, exact: true }).check();
}

/** The error summary's items: each link's text and the id it points to. */
async function errorSummary(page) {
  const summary = page.locator('#error-summary');
  assert.equal(await summary.getAttribute('role'), 'alert', 'the error summary is announced');
  assert.equal(await summary.getByRole('heading', { level: 2 }).innerText(), 'Rätta följande:');
  return summary.getByRole('link').evaluateAll((links) =>
    links.map((a) => ({ text: a.textContent.trim(), id: a.getAttribute('href').slice(1) })),
  );
}

/**
 * For each item of the error summary: the field shows the same message, is marked invalid and
 * described by it, and the summary's link moves the keyboard focus into the field.
 */
async function expectLinkedFieldErrors(page, label) {
  const items = await errorSummary(page);
  assert.ok(items.length > 0, `${label}: the summary lists something`);
  for (const { text, id } of items) {
    const field = page.locator(`[id="${id}"]`);
    assert.equal(await field.count(), 1, `${label}: the summary links to #${id}, which exists`);
    const message = await page.locator(`[id="${id}-error"]`).innerText();
    // The field's label, then its message: "Födelseår: …", or "Hur kom kontakten? …" after a question.
    assert.ok(
      text.endsWith(`: ${message}`) || text.endsWith(`? ${message}`),
      `${label}: "${text}" in the summary is "…: ${message}" at the field`,
    );
    assert.ok(!text.includes('?:'), `${label}: "${text}" has no "?:"`);
    assert.equal(await field.getAttribute('aria-invalid'), 'true', `${label}: #${id} is marked invalid`);
    // A text field, select or checkbox is described by its error; a group of radio buttons is,
    // through its fieldset.
    const describedBy = await field.evaluate((el) =>
      (el.getAttribute('aria-describedby') || el.closest('fieldset')?.getAttribute('aria-describedby') || '').split(/\s+/),
    );
    assert.ok(describedBy.includes(`${id}-error`), `${label}: #${id} is described by its error (${describedBy.join(' ')})`);

    await page.locator('#error-summary').getByRole('link', { name: text, exact: true }).click();
    await page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 2_000 }).catch(() => {});
    assert.equal((await focusState(page)).id, id, `${label}: the link "${text}" puts the focus in its field`);
  }
  return items.map((i) => i.text);
}

/** The rows of the "Ärenden" list, or its empty text: what shows whether a case was created. */
async function caseList(page) {
  await visit(page, '/clients');
  const rows = page.getByRole('main').locator('tbody tr');
  return (await rows.count()) > 0 ? rows.allInnerTexts() : [await mainText(page)];
}

/**
 * Fills in the "Ny kontakt" form as a person would. Every field has a harmless default;
 * `ownWish: false` leaves the box unticked and `alias: ''` the name empty.
 */
async function fillContact(page, c = {}) {
  if (c.date) await page.getByLabel('Datum för kontakten').fill(c.date);
  await choose(page, 'Hur kom kontakten?', c.channel ?? 'Telefon');
  await choose(page, 'Vem tog kontakten?', c.by ?? 'Personen själv');
  if (c.ownWish ?? true) {
    await page.getByRole('checkbox', { name: 'Personen har själv sagt att hen vill ha personligt ombud' }).check();
  }
  if (c.alias) await page.getByLabel('Namn eller alias').fill(c.alias);
  if (c.reach) await page.getByLabel('Hur når vi personen?').fill(c.reach);
  await page.getByLabel('Kommun där personen bor').selectOption({ label: c.municipality ?? 'Oskarshamn' });
  await page.getByLabel('Födelseår').fill(c.birthYear ?? '1980');
  await choose(page, 'Kön', c.gender ?? 'Vill inte ange');
}

/** Records a contact through "Ny kontakt" and returns the new client page's path. */
async function recordContact(page, c = {}, { check } = {}) {
  await visit(page, '/contacts/new');
  await check?.('the contact form');
  await fillContact(page, c);
  await send(page, 'Registrera kontakten');
  assert.match(pathOf(page), /^\/clients\/[^/]+$/, 'a recorded contact leads to its client page');
  assert.equal(await notice(page), 'Kontakten är registrerad.');
  return pathOf(page);
}

/** On the client page: assesses the person as in the target group. */
async function assessInTargetGroup(page, { check } = {}) {
  await follow(page, 'Gör bedömningen');
  await check?.('the assessment form');
  await choose(page, 'Har personen en betydande psykisk funktionsnedsättning med stora svårigheter i vardagen?', 'Ja');
  await choose(page, 'Har personen sammansatta behov som rör flera myndigheter?', 'Ja');
  await choose(page, 'Resultat', 'I målgruppen – boka ett orienteringsbesök');
  await send(page, 'Spara bedömningen');
  assert.equal(await notice(page), 'Bedömningen är sparad.');
}

/** On the client page: books the orientation visit on `date` with the ombud named `ombud`. */
async function bookVisit(page, date, ombud, { check } = {}) {
  await follow(page, 'Boka orienteringsbesök');
  await check?.('the booking form');
  await page.getByLabel('Datum för besöket').fill(date);
  await choose(page, 'Var ses ni?', 'På kontoret');
  for (const name of ombud) await page.getByRole('checkbox', { name, exact: true }).check();
  await send(page, 'Boka besöket');
  assert.equal(await notice(page), 'Orienteringsbesöket är bokat.');
}

/** On the client page: records the visit as held; the person wants an ombud. */
async function recordVisitHeld(page, priorities = [], { check } = {}) {
  await follow(page, 'Registrera besöket');
  await check?.('the form for the visit held');
  await choose(page, 'Vad vill personen?', 'Personen vill ha ett ombud – ställ i kön');
  for (const name of priorities) await page.getByRole('checkbox', { name, exact: true }).check();
  await send(page, 'Spara');
  assert.equal(await notice(page), 'Orienteringsbesöket är registrerat.');
}

/** Today as the server sees it: the date the contact form is filled in with. */
async function serverToday(page) {
  await visit(page, '/contacts/new');
  const today = await page.getByLabel('Datum för kontakten').inputValue();
  assert.match(today, /^\d{4}-\d{2}-\d{2}$/, 'the contact date is filled in with today');
  return today;
}

// ---------------------------------------------------------------------------------------------

describe('from first contact to an active assignment', () => {
  let server;
  let browser;
  let ombud1;
  let ombud2;

  before(async () => {
    server = await startServer({ demoArgs: ['--clients', '0'] });
    browser = await launchBrowser();
    ombud1 = server.users.ombud1?.name;
    ombud2 = server.users.ombud2?.name;
    assert.ok(ombud1 && ombud2, 'the demo has ombud1 and ombud2');
  });

  after(async () => {
    try {
      await browser?.close();
    } finally {
      await server?.stop();
    }
  });

  const pageTest = (name, options, fn, timeout = TEST_TIMEOUT) =>
    it(name, { timeout }, (t) => withPage(browser, server, options, (session) => fn({ ...session, t })));

  pageTest('the whole path, from a self-referred contact to an ombud\'s active client, passes axe on every page', {}, async ({ page, problems, t }) => {
    const axe = (label) => expectNoAxeViolations(page, label);
    const alias = 'Vera Vinter';

    // The samordnare records the contact.
    await logIn(page, 'samordnare');
    await axe('the samordnare start page');
    await menu(page, 'Ny kontakt');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Ny kontakt');
    const today = await page.getByLabel('Datum för kontakten').inputValue();
    await axe('the contact form');
    await fillContact(page, { alias, reach: 'Ring förmiddagar.', municipality: 'Oskarshamn', birthYear: '1980', gender: 'Kvinna' });
    await send(page, 'Registrera kontakten');
    const client = pathOf(page);
    assert.match(client, /^\/clients\/[^/]+$/);
    assert.equal(await notice(page), 'Kontakten är registrerad.');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), alias);
    let f = await facts(page);
    assert.match(f.Klientkod, /^K-\d{4}-\d{3}$/);
    const code = f.Klientkod;
    assert.equal(f['Läge'], 'Bedömning');
    assert.equal(f['Kontakten togs av'], 'Personen själv');
    assert.equal(f['Vill själv ha ombud sedan'], `${today}, per telefon – till Cecilia Testberg`);
    assert.equal(f['Nås via'], 'Ring förmiddagar.');
    assert.equal(f['Orienteringsbesök senast'], addDays(today, 21), 'the visit is due within 21 calendar days');
    assert.equal((await actions(page))[0], 'Gör bedömningen');
    await axe('the new client page');

    // Assessment: in the target group.
    await assessInTargetGroup(page, { check: axe });
    f = await facts(page);
    assert.equal(f['Läge'], 'Orienteringsbesök');
    assert.equal(f['Bedömning'], `I målgruppen (${today})`);
    assert.equal((await actions(page))[0], 'Boka orienteringsbesök');
    await axe('the client page after the assessment');

    // The orientation visit with both ombud, today.
    await bookVisit(page, today, [ombud1, ombud2], { check: axe });
    f = await facts(page);
    assert.equal(f['Orienteringsbesök'], `${today}, På kontoret – ${ombud1}, ${ombud2}`);
    assert.deepEqual((await actions(page)).slice(0, 2), ['Registrera besöket', 'Boka om besöket']);
    await axe('the client page with a booked visit');

    // The visit was held; the person wants an ombud and is a single parent.
    await recordVisitHeld(page, ['Ensamstående förälder'], { check: axe });
    f = await facts(page);
    assert.equal(f['Läge'], 'I kö');
    assert.equal(f['Besöket hölls'], today);
    assert.equal(f['I kö sedan'], today);
    assert.equal(f['Prioritering'], 'Ensamstående förälder');
    await axe('the client page in the queue');

    // The queue explains the place.
    await menu(page, 'Kö');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Kö');
    const row = page.getByRole('main').locator('tbody tr').filter({ has: page.getByRole('link', { name: code, exact: true }) });
    assert.equal(await row.count(), 1, `the queue lists ${code}`);
    const cells = await row.locator('th, td').allInnerTexts();
    assert.equal(cells[2], 'Oskarshamn');
    assert.equal(cells[3], today);
    await axe('the queue');
    await t.test('the queue explains the place with the waiting time and the marked priority group', async () => {
      assert.equal(
        cells[4].replace(/\s+/g, ' ').trim(),
        'väntat 0 dagar + prioritet: Ensamstående förälder (+30 dagar) poäng 30',
      );
    });

    // Assigning ombud1; the caseload goes up by one. Each row's link says, to a screen reader,
    // which client it assigns.
    await navigateBy(page, () => row.getByRole('link', { name: `Tilldela ombud till ${code}`, exact: true }).click());
    assert.equal(pathOf(page), `${client}/assignment`);
    const activeOf = async (name) => {
      const r = page.getByRole('main').locator('tbody tr').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
      assert.equal(await r.count(), 1, `the caseload lists ${name}`);
      return Number((await r.locator('td').first().innerText()).trim());
    };
    const activeBefore = await activeOf(ombud1);
    await axe('the assignment form');
    await page.getByLabel('Ombud', { exact: true }).selectOption({ label: ombud1 });
    assert.equal(await page.getByLabel('Uppdraget börjar').inputValue(), today);
    await send(page, 'Tilldela');
    assert.equal(pathOf(page), client);
    assert.equal(await notice(page), 'Ombudet är tilldelat.');
    f = await facts(page);
    assert.equal(f['Läge'], 'Aktivt uppdrag');
    assert.equal(f.Ombud, ombud1);
    assert.equal(f['Uppdraget från'], today);
    await axe('the client page with an active assignment');

    await menu(page, 'Kö');
    assert.equal(await row.count(), 0, 'an assigned client has left the queue');
    await menu(page, 'Ärendebelastning');
    assert.equal(await activeOf(ombud1), activeBefore + 1, `${ombud1} has one more active assignment`);
    await axe('the caseload');
    await logOut(page);

    // ombud1 sees the client, pauses the assignment and resumes it.
    await logIn(page, 'ombud1');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Mina klienter');
    const mine = page.getByRole('main').locator('tbody tr').filter({ has: page.getByRole('link', { name: alias, exact: true }) });
    assert.equal(await mine.count(), 1, `${alias} is on "Mina klienter"`);
    assert.match(await mine.innerText(), /Aktivt uppdrag/);
    assert.doesNotMatch(await mainText(page), /Du har inga klienter just nu/);
    await axe('Mina klienter');
    await navigateBy(page, () => mine.getByRole('link', { name: alias, exact: true }).click());
    assert.equal(pathOf(page), client);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), alias);
    assert.deepEqual(await actions(page), ['Ändra uppgifter', 'Gör vilande', 'Avsluta uppdraget'], 'an ombud cannot assign');
    await axe('the client page for the ombud');

    await follow(page, 'Gör vilande');
    assert.equal(await page.getByRole('radio', { name: 'Göra uppdraget vilande' }).isChecked(), true);
    assert.equal(await page.getByLabel('Från och med').inputValue(), today);
    await axe('the status form (pause)');
    await send(page, 'Spara');
    assert.equal(await notice(page), 'Ändringen är sparad.');
    f = await facts(page);
    assert.equal(f['Läge'], 'Vilande');
    assert.equal(f['Vilande sedan'], today);
    assert.deepEqual(await actions(page), ['Ändra uppgifter', 'Återuppta', 'Avsluta uppdraget']);
    await axe('the paused client page');

    await follow(page, 'Återuppta');
    assert.equal(await page.getByRole('radio', { name: 'Återuppta uppdraget' }).isChecked(), true);
    await axe('the status form (resume)');
    await send(page, 'Spara');
    assert.equal(await notice(page), 'Ändringen är sparad.');
    assert.equal((await facts(page))['Läge'], 'Aktivt uppdrag');
    assert.deepEqual(await actions(page), ['Ändra uppgifter', 'Gör vilande', 'Avsluta uppdraget']);
    await axe('the resumed client page');

    // The person moves to another member municipality: ombud1 records it and the case goes on there.
    await follow(page, 'Ändra uppgifter');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Ändra uppgifter');
    assert.equal(await page.getByLabel('Kommun där personen bor').evaluate((s) => s.selectedOptions[0].text), 'Oskarshamn');
    await axe('the details form');
    await page.getByLabel('Kommun där personen bor').selectOption({ label: 'Mönsterås' });
    await send(page, 'Spara');
    assert.equal(pathOf(page), client);
    assert.equal(await notice(page), 'Uppgifterna är sparade.');
    f = await facts(page);
    assert.equal(f.Kommun, 'Mönsterås');
    assert.equal(f['Läge'], 'Aktivt uppdrag');
    await axe('the client page after the move');

    await expectNoCspViolations(page, problems, 'the pages of the path');
  }, PATH_TIMEOUT);

  pageTest('a relative\'s contact waits for the person\'s own wish, and then goes on to the assessment', {}, async ({ page }) => {
    await logIn(page, 'samordnare');
    await recordContact(page, { by: 'En anhörig', ownWish: false, alias: 'Rut Relativ' });
    const callout = page.getByRole('main').locator('.callout').filter({ hasText: 'Kontakten togs av' });
    assert.match(
      (await callout.innerText()).replace(/\s+/g, ' '),
      /Kontakten togs av en anhörig\. Ärendet går vidare först när personen själv har sagt att hen vill ha personligt ombud\. Kontakta personen direkt\./i,
    );
    const f = await facts(page);
    assert.equal(f['Läge'], 'Första kontakt');
    assert.equal(f['Vill själv ha ombud sedan'], 'Inte bekräftat ännu');
    assert.deepEqual(await actions(page), ['Personen vill själv ha ombud', 'Ändra uppgifter', 'Personen avstår']);
    // The crisis numbers and the acute referral come first, above everything else on the page.
    const crisis = page.getByRole('main').locator('.callout').first();
    assert.equal(await crisis.getByRole('heading', { level: 2 }).innerText(), 'Om personen behöver hjälp nu');
    assert.ok(await crisis.getByRole('link', { name: 'Hänvisa akut', exact: true }).isVisible());
    await expectNoAxeViolations(page, 'a client page waiting for the own wish');

    await follow(page, 'Personen vill själv ha ombud');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Personen vill själv ha ombud');
    const today = await page.getByLabel('När sa personen det?').inputValue();
    await expectNoAxeViolations(page, 'the own-wish form');
    // How the person said it, and to whom: the one recording it unless someone else heard it.
    await send(page, 'Registrera att personen vill', 400);
    assert.deepEqual(await expectLinkedFieldErrors(page, 'the own wish without how'), ['Hur sa personen det? Fältet måste fyllas i.']);
    assert.equal(await page.getByLabel('Vem tog emot det?').locator('option:checked').innerText(), 'Cecilia Testberg');
    assert.deepEqual(await page.getByLabel('Vem tog emot det?').locator('option').allInnerTexts(),
      ['Ada Exempelsson', 'Bo Påhittsson', 'Cecilia Testberg'], 'only those who take contacts');
    await choose(page, 'Hur sa personen det?', 'Personligen, vid ett möte');
    await page.getByLabel('Vem tog emot det?').selectOption({ label: 'Ada Exempelsson' });
    await send(page, 'Registrera att personen vill');
    assert.equal(await notice(page), 'Det är registrerat att personen själv vill ha personligt ombud.');
    const after = await facts(page);
    assert.equal(after['Läge'], 'Bedömning');
    assert.equal(after['Vill själv ha ombud sedan'], `${today}, personligen – till Ada Exempelsson`);
    assert.equal(await callout.count(), 0, 'nothing is waiting any more');
    assert.deepEqual(await actions(page), ['Gör bedömningen', 'Ändra uppgifter', 'Personen avstår']);
    await expectNoAxeViolations(page, 'the client page after the own wish');
  });

  pageTest('"Personen avstår" looks unlike the other steps, and asks for a reason and a confirmation', phone, async ({ page }) => {
    await logIn(page, 'samordnare');
    await recordContact(page, { alias: 'Ulla Avstår' });
    const link = page.getByRole('main').getByRole('link', { name: 'Personen avstår', exact: true });
    assert.match(await link.getAttribute('class'), /\bdanger\b/);
    const [danger, ordinary] = await Promise.all([
      link.evaluate((el) => getComputedStyle(el).borderStyle),
      page.getByRole('main').getByRole('link', { name: 'Ändra uppgifter', exact: true }).evaluate((el) => getComputedStyle(el).borderStyle),
    ]);
    assert.notEqual(danger, ordinary, 'drawn unlike an ordinary edit, not by colour alone');
    await follow(page, 'Personen avstår');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Personen avstår');
    assert.match(await mainText(page), /Det här går inte att ångra/);
    await expectNoAxeViolations(page, 'the withdrawal form');
    await expectNoHorizontalOverflow(page, 'the withdrawal form');
    await send(page, 'Registrera att personen avstår', 400);
    assert.deepEqual(await expectLinkedFieldErrors(page, 'the withdrawal sent empty'), [
      'Varför? Ange varför.',
      'Jag har talat med personen och hen avstår från personligt ombud: Bekräfta att du har talat med personen.',
    ]);
    assert.equal((await facts(page))['Läge'], 'Bedömning', 'nothing changed');
    await choose(page, 'Varför?', 'Har fått annat stöd');
    await page.getByRole('checkbox', { name: /^Jag har talat med personen/ }).check();
    await send(page, 'Registrera att personen avstår');
    const f = await facts(page);
    assert.equal(f['Läge'], 'Avstår');
    assert.equal(f['Skäl'], 'Har fått annat stöd');
    await expectNoAxeViolations(page, 'a withdrawn client page');
  });

  pageTest('under 18: no case; the inquiry can be counted in the statistics instead', {}, async ({ page }) => {
    await logIn(page, 'samordnare');
    const before = await caseList(page);
    const today = await serverToday(page);
    const tooYoung = String(Number(today.slice(0, 4)) - 12);
    await fillContact(page, { by: 'En vän', alias: 'Lilla My', birthYear: tooYoung, municipality: 'Högsby' });
    await send(page, 'Registrera kontakten', 400);
    // Said once, as an alert at the top, not as a list of mistakes to correct.
    assert.equal(await page.locator('#error-summary').count(), 0);
    const callout = page.getByRole('alert').filter({ hasText: 'Personen är under 18 år' });
    assert.equal(await callout.getByRole('heading', { level: 2 }).innerText(), 'Personen är under 18 år');
    assert.equal((await mainText(page)).match(/under 18 år/g).length, 2, 'the heading and the birth year\'s note');
    assert.equal(await page.getByRole('main').locator('.field-error').innerText(), 'Födelseåret ger en ålder under 18 år.');
    // Counting the inquiry is the primary button, the first in the main content.
    const primary = page.getByRole('main').locator('button.button:not(.secondary)');
    assert.deepEqual(await primary.allInnerTexts(), ['Räkna förfrågan']);
    assert.equal(await page.getByRole('button', { name: 'Registrera kontakten' }).getAttribute('class'), 'button secondary');
    assert.match(await callout.innerText(), /Inget ärende skapas och inga personuppgifter sparas\./);
    assert.match(await callout.innerText(), /elevhälsan, socialtjänsten, barn- och ungdomspsykiatrin \(BUP\) eller 1177/);
    const count = page.getByRole('region', { name: 'Räkna förfrågan i statistiken' });
    const [countBox, contactBox] = await Promise.all([count.boundingBox(), page.getByRole('region', { name: 'Fel födelseår?' }).boundingBox()]);
    assert.ok(countBox.y < contactBox.y, 'the count comes before the contact form');
    assert.match(await count.innerText(), /Förfrågan räknas utan personuppgifter/);
    await expectNoAxeViolations(page, 'the contact form for a person under 18');

    await submitForm(page, () => count.getByRole('button', { name: 'Räkna förfrågan' }).click(), { status: 303, label: 'Räkna förfrågan' });
    assert.equal(pathOf(page), '/contacts/new');
    assert.equal(await notice(page), 'Förfrågan är räknad i statistiken. Inga personuppgifter sparades.');
    assert.equal(await page.getByLabel('Namn eller alias').inputValue(), '', 'the form starts over, without the person\'s data');
    await expectNoAxeViolations(page, 'the contact form after counting the inquiry');
    assert.deepEqual(await caseList(page), before, 'no case was created');
  });

  pageTest('declined: the client page tells, in plain Swedish, that the decision cannot be appealed', {}, async ({ page }) => {
    await logIn(page, 'samordnare');
    await recordContact(page, { alias: 'Nils Nej', municipality: 'Mönsterås' });
    await follow(page, 'Gör bedömningen');
    await choose(page, 'Har personen en betydande psykisk funktionsnedsättning med stora svårigheter i vardagen?', 'Nej');
    await choose(page, 'Har personen sammansatta behov som rör flera myndigheter?', 'Ja');
    await choose(page, 'Resultat', 'Inte aktuell – personen får nej');
    await page.getByLabel('Skäl').selectOption({ label: 'Utanför målgruppen' });
    await send(page, 'Spara bedömningen');
    const f = await facts(page);
    assert.equal(f['Läge'], 'Inte aktuell');
    assert.match(f['Bedömning'], /^Inte aktuell – Utanför målgruppen \(\d{4}-\d{2}-\d{2}\)$/);
    const callout = page.getByRole('main').locator('.callout');
    assert.equal(await callout.getByRole('heading', { level: 2 }).innerText(), 'Att säga till personen');
    assert.match(
      await callout.innerText(),
      /Du har inte laglig rätt till personligt ombud\. Därför kan beslutet inte överklagas till domstol\./,
    );
    assert.deepEqual(await actions(page), [], 'nothing more to do in a declined case');
    await expectNoAxeViolations(page, 'a declined client page');
  });

  pageTest('acute: on a phone the crisis numbers are on the first screen, and the referral is one step away', phone, async ({ page }) => {
    await logIn(page, 'samordnare');
    await menu(page, 'Ny kontakt');
    const box = page.getByRole('main').locator('.callout').first();
    assert.equal(await box.getByRole('heading', { level: 2 }).innerText(), 'Om personen behöver hjälp nu');
    const numbers = box.getByRole('link');
    const hrefs = await numbers.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const tel of ['tel:112', 'tel:90101', 'tel:1177', 'tel:049188000']) assert.ok(hrefs.includes(tel), `${tel} in ${hrefs}`);
    const call112 = box.getByRole('link', { name: '112', exact: true });
    const at = await call112.boundingBox();
    assert.ok(at && at.y + at.height <= 740, `112 is on the first screen of a phone: ${JSON.stringify(at)}`);
    await expectNoAxeViolations(page, 'the contact form with the crisis numbers');

    // "Registrera och hänvisa akut": the contact and then straight to the referral.
    await fillContact(page, { by: 'Vård- eller omsorgspersonal', ownWish: false, alias: 'Ada Akut' });
    await send(page, 'Registrera och hänvisa akut');
    // Before the own wish only an acute referral is possible: no criteria, no outcome to choose.
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Hänvisa akut');
    assert.equal(await page.getByRole('radio').count(), 0, 'nothing to choose before the own wish');
    assert.ok(await page.getByRole('main').getByRole('link', { name: '112', exact: true }).isVisible());
    await expectNoAxeViolations(page, 'the acute referral form');
    await send(page, 'Registrera hänvisningen');
    assert.equal((await facts(page))['Läge'], 'Hänvisad akut');
    const alert = page.getByRole('alert').filter({ hasText: 'Vart personen kan vända sig nu' });
    assert.equal(await alert.count(), 1, 'the acute help is an alert');
    const text = await alert.innerText();
    assert.match(text, /Personligt ombud är ingen akutverksamhet\./, 'the operation\'s acute help text');
    assert.equal(text.match(/112/g).length, 1, `112 is said once: ${text}`);
    assert.equal(await alert.getByRole('link', { name: '90101' }).getAttribute('href'), 'tel:90101');
    await expectNoHorizontalOverflow(page, 'an acute client page');
    await expectNoAxeViolations(page, 'an acute client page');
  });

  pageTest('the contact form reports bad input next to each field and in a linked summary, and creates nothing', {}, async ({ page }) => {
    await logIn(page, 'samordnare');
    const before = await caseList(page);
    const today = await serverToday(page);

    // Sent empty: every required answer is asked for.
    await send(page, 'Registrera kontakten', 400);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Ny kontakt');
    const empty = await expectLinkedFieldErrors(page, 'the empty contact form');
    assert.deepEqual([...empty].sort(), [
      'Födelseår: Fältet måste fyllas i.',
      'Hur kom kontakten? Fältet måste fyllas i.',
      'Kommun där personen bor: Fältet måste fyllas i.',
      'Kön: Fältet måste fyllas i.',
      'Vem tog kontakten? Fältet måste fyllas i.',
    ]);
    assert.equal(await page.getByLabel('Datum för kontakten').inputValue(), today, 'the date stays filled in');
    await expectNoAxeViolations(page, 'the empty contact form with errors');

    // A contact tomorrow has not happened yet.
    const tomorrow = addDays(today, 1);
    await fillContact(page, { date: tomorrow, alias: 'Fel Datum', birthYear: '1970' });
    await send(page, 'Registrera kontakten', 400);
    assert.deepEqual(await expectLinkedFieldErrors(page, 'a future contact date'), [
      'Datum för kontakten: Datumet kan inte ligga i framtiden.',
    ]);
    assert.equal(await page.getByLabel('Datum för kontakten').inputValue(), tomorrow, 'the wrong date is kept to correct');
    assert.equal(await page.getByLabel('Namn eller alias').inputValue(), 'Fel Datum', 'the other answers are kept');
    assert.equal(await page.getByRole('radio', { name: 'Telefon', exact: true }).isChecked(), true);
    await expectNoAxeViolations(page, 'the contact form with a future date');

    // The date corrected, the birth year mistyped.
    await page.getByLabel('Datum för kontakten').fill(today);
    await page.getByLabel('Födelseår').fill('19x0');
    await send(page, 'Registrera kontakten', 400);
    assert.deepEqual(await expectLinkedFieldErrors(page, 'a mistyped birth year'), [
      'Födelseår: Skriv födelseåret med fyra siffror, till exempel 1987.',
    ]);
    assert.equal(await page.getByLabel('Födelseår').inputValue(), '19x0');
    await expectNoAxeViolations(page, 'the contact form with a mistyped birth year');

    const during = await caseList(page);
    assert.deepEqual(during, before, 'no case was created by the rejected forms');

    // Corrected, the same answers are accepted.
    await visit(page, '/contacts/new');
    await fillContact(page, { alias: 'Fel Datum', birthYear: '1970' });
    await send(page, 'Registrera kontakten');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Fel Datum');
    const afterwards = await caseList(page);
    assert.equal(afterwards.filter((r) => r.includes('Fel Datum')).length, 1, 'exactly one case was created when corrected');
  });

  pageTest('the deadline overview lists late and nearly late visits first, and the caseload lists each ombud', {}, async ({ page }) => {
    await logIn(page, 'samordnare');
    const today = await serverToday(page);
    const codeOf = async () => (await facts(page)).Klientkod;
    await recordContact(page, { date: addDays(today, -25), alias: 'Sen Sigrid' });
    const late = await codeOf();
    await recordContact(page, { date: addDays(today, -18), alias: 'Snart Svea' });
    const soon = await codeOf();

    await menu(page, 'Bevakning');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Bevakning av orienteringsbesök');
    assert.match(await mainText(page), /Orienteringsbesöket ska hållas inom 21 dagar från första kontakten\./);
    const rows = await page.getByRole('main').locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.innerText.trim())),
    );
    const at = (code) => rows.findIndex((r) => r[0] === code);
    assert.ok(at(late) >= 0 && at(soon) >= 0, `both contacts are watched: ${JSON.stringify(rows)}`);
    assert.deepEqual(rows[at(late)].slice(1, 5), ['Försenat', addDays(today, -25), addDays(today, -4), '4 dagar sent']);
    assert.deepEqual(rows[at(soon)].slice(1, 5), ['Snart sent', addDays(today, -18), addDays(today, 3), '3 dagar kvar']);
    assert.ok(at(late) < at(soon), 'the most urgent comes first');
    await expectNoAxeViolations(page, 'the deadline overview');

    await menu(page, 'Ärendebelastning');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Ärendebelastning');
    assert.deepEqual(
      await page.getByRole('main').getByRole('columnheader').allInnerTexts(),
      ['Ombud', 'Aktiva', 'Vilande', 'Avslutas', 'Orienteringsbesök', 'Uppdrag totalt'],
    );
    const names = await page.getByRole('main').getByRole('rowheader').allInnerTexts();
    assert.deepEqual([...names].sort(), [ombud1, ombud2].sort());
    await expectNoAxeViolations(page, 'the caseload');
  });

  pageTest('the rules page: admin edits and saves a new version, ledningsgrupp the priority groups, samordnare reads', {}, async ({ page }) => {
    // samordnare: read only.
    await logIn(page, 'samordnare');
    await menu(page, 'Regler');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Regler för verksamheten');
    assert.equal(await page.getByRole('button', { name: 'Spara reglerna' }).count(), 0, 'the samordnare cannot change the rules');
    assert.equal((await facts(page))['Orienteringsbesök inom'], '21 dagar');
    const groups = page.getByRole('main').locator('section').filter({ has: page.getByRole('heading', { name: 'Prioriteringsgrupper' }) });
    assert.deepEqual(await groups.getByRole('rowheader').allInnerTexts(), [
      'Ensamstående förälder',
      'Ung vuxen 18–25 år',
      'Utan stöd från socialtjänst eller psykiatri',
    ]);
    await expectNoAxeViolations(page, 'the rules page for the samordnare');
    await logOut(page);

    // ledningsgrupp: only the priority groups are fields.
    await logIn(page, 'ledning');
    await menu(page, 'Regler');
    assert.equal(await page.getByRole('button', { name: 'Spara reglerna' }).count(), 1);
    assert.equal(await page.getByRole('textbox', { name: 'Lägsta ålder' }).count(), 0, 'the age limits are not the ledningsgrupp\'s');
    assert.equal((await facts(page))['Lägsta ålder'], '18');
    assert.equal(await page.getByRole('group', { name: 'Prioriteringsgrupp 1' }).getByLabel('Namn', { exact: true }).inputValue(),
      'Ensamstående förälder');
    await expectNoAxeViolations(page, 'the rules page for the ledningsgrupp');
    await logOut(page);

    // admin: everything; a save is a new version.
    await logIn(page, 'admin');
    await menu(page, 'Regler');
    const history = page.getByRole('main').locator('section').filter({ has: page.getByRole('heading', { name: 'Versioner' }) });
    const versionsBefore = await history.locator('tbody tr').count();
    assert.ok(versionsBefore >= 1, 'the first version is listed');
    assert.equal(await page.getByLabel('Lägsta ålder').inputValue(), '18');
    await expectNoAxeViolations(page, 'the rules page for admin');
    const contact = 'Synpunkter lämnas till enhetschefen, telefon 0491-000 00 (fiktivt demonummer).';
    await page.getByLabel('Vem tar emot synpunkter?').fill(contact);
    await send(page, 'Spara reglerna');
    assert.equal(pathOf(page), '/settings');
    assert.equal(await notice(page), 'Reglerna är sparade som en ny version.');
    assert.equal(await page.getByLabel('Vem tar emot synpunkter?').inputValue(), contact, 'the change is kept');
    const rows = await history.locator('tbody tr').allInnerTexts();
    assert.equal(rows.length, versionsBefore + 1, `one more version: ${rows.join(' | ')}`);
    assert.ok(
      rows.some((r) => r.startsWith(String(versionsBefore + 1)) && r.includes(server.users.admin.name)),
      `version ${versionsBefore + 1} by ${server.users.admin.name} is listed: ${rows.join(' | ')}`,
    );
    assert.match(await mainText(page), new RegExp(`nu version ${versionsBefore + 1}\\)`));
    await expectNoAxeViolations(page, 'the rules page after a save');
  });

  pageTest('at 375 px the contact form, the client page and the queue do not scroll sideways', phone, async ({ page }) => {
    await logIn(page, 'samordnare');
    const today = await serverToday(page);
    await expectNoHorizontalOverflow(page, 'the contact form');
    await send(page, 'Registrera kontakten', 400);
    await expectNoHorizontalOverflow(page, 'the contact form with errors');
    await fillContact(page, {
      alias: 'Maximiliana Vilhelmina Långnamnsdotter-Efternamnsson',
      reach: 'Ring helst på förmiddagen, annars via sms till numret hon lämnade.',
    });
    await send(page, 'Registrera kontakten');
    await expectNoHorizontalOverflow(page, 'a new client page');
    await assessInTargetGroup(page);
    await bookVisit(page, today, [ombud1, ombud2]);
    await expectNoHorizontalOverflow(page, 'the client page with a booked visit');
    await recordVisitHeld(page, ['Utan stöd från socialtjänst eller psykiatri']);
    await expectNoHorizontalOverflow(page, 'the client page in the queue');

    await visit(page, '/queue');
    assert.ok((await page.getByRole('main').locator('tbody tr').count()) >= 1, 'someone is in the queue');
    await expectNoHorizontalOverflow(page, 'the queue');
    // Each place in the queue is a card that shows the explanation and the action in full.
    await expectListsFit(page, 'the queue');
    const card = page.getByRole('main').locator('tbody tr').first();
    assert.ok(await card.getByRole('link', { name: /^Tilldela ombud/ }).isVisible(), 'the action is on screen');
  });

  pageTest('the contact form is filled in and sent with the keyboard alone', {}, async ({ page }) => {
    await logIn(page, 'samordnare');
    const today = await serverToday(page);
    const tab = async () => {
      await page.keyboard.press('Tab');
      return focusState(page);
    };

    // The skip link first, then into the form.
    let f = await tab();
    assert.equal(f.text, 'Hoppa till innehållet');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');

    // The date is already today and is kept. Tab passes its parts and then the browser's
    // calendar button, whose focus ring the browser draws inside the field's own shadow tree,
    // out of reach of the page's :focus-visible style (and of this check).
    // First the crisis numbers, each a link to call.
    const calls = [];
    for (f = await tab(); f.tag === 'a'; f = await tab()) calls.push(f.text);
    assert.deepEqual(calls, ['0491-880 00', '0491-890 00', '112', '90101', '1177']);
    assert.equal(f.id, 'contact_date', 'the first field is the date of the contact');
    for (let stops = 0; f.id === 'contact_date'; stops++) {
      assert.ok(stops < 6, 'Tab leaves the date field');
      if (await page.evaluate(() => document.activeElement.matches(':focus'))) {
        await expectFocusVisible(page, `Tab stop ${stops + 1} in the date field`);
      }
      f = await tab();
    }

    // Channel: the first radio button has focus; Space picks it.
    await expectFocusVisible(page, 'the channel');
    assert.deepEqual([f.id, f.name], ['channel', 'channel']);
    await page.keyboard.press('Space');
    assert.equal(await page.getByRole('radio', { name: 'Telefon', exact: true }).isChecked(), true);

    // Who made contact: the arrow keys move to and pick "En vän", and back up to "Personen själv".
    f = await tab();
    assert.equal(f.name, 'contact_by');
    await expectFocusVisible(page, 'who made contact');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getByRole('radio', { name: 'En vän', exact: true }).isChecked(), true);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.getByRole('radio', { name: 'Personen själv', exact: true }).isChecked(), true);

    f = await tab();
    assert.equal(f.id, 'own_wish');
    await expectFocusVisible(page, 'the own-wish box');
    await page.keyboard.press('Space');
    assert.equal(await page.getByRole('checkbox', { name: /Personen har själv sagt/ }).isChecked(), true);

    f = await tab();
    assert.equal(f.id, 'alias');
    await expectFocusVisible(page, 'the alias');
    await page.keyboard.type('Tangent Tore');

    f = await tab();
    assert.equal(f.id, 'reach');
    await expectFocusVisible(page, 'how to reach');
    await page.keyboard.type('Ring efter lunch.');

    f = await tab();
    assert.equal(f.id, 'municipality');
    await expectFocusVisible(page, 'the municipality');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getByLabel('Kommun där personen bor').evaluate((s) => s.selectedOptions[0].text), 'Mönsterås');

    f = await tab();
    assert.equal(f.id, 'birth_year');
    await expectFocusVisible(page, 'the birth year');
    await page.keyboard.type('1991');

    f = await tab();
    assert.equal(f.id, 'confirmed_adult');
    await expectFocusVisible(page, 'the adult box');

    f = await tab();
    assert.equal(f.name, 'gender');
    await expectFocusVisible(page, 'the gender');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getByRole('radio', { name: 'Man', exact: true }).isChecked(), true);

    f = await tab();
    assert.deepEqual([f.tag, f.text], ['button', 'Registrera kontakten']);
    await expectFocusVisible(page, 'the submit button');
    await submitForm(page, () => page.keyboard.press('Enter'), { status: 303, label: 'the keyboard contact' });
    assert.equal(await notice(page), 'Kontakten är registrerad.');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Tangent Tore');
    const recorded = await facts(page);
    assert.equal(recorded['Kommun'], 'Mönsterås');
    assert.equal(recorded['Födelseår'], '1991');
    assert.equal(recorded['Kön'], 'Man');
    assert.equal(recorded['Nås via'], 'Ring efter lunch.');
    assert.equal(recorded['Första kontakt'], `${today} – Telefon`);
    assert.equal(recorded['Kontakten togs av'], 'Personen själv');
    assert.equal(recorded['Vill själv ha ombud sedan'], `${today}, per telefon – till Cecilia Testberg`);
  });

  pageTest('without JavaScript a contact is recorded and its visit booked', { javaScriptEnabled: false }, async ({ page }) => {
    // Page scripts really are off in this context.
    await page.setContent('<title>scripts off</title><script>document.title = "scripts on"</script>');
    assert.equal(await page.title(), 'scripts off');

    await logIn(page, 'samordnare');
    await menu(page, 'Ny kontakt');
    const today = await page.getByLabel('Datum för kontakten').inputValue();
    await fillContact(page, { alias: 'Utan Skript', municipality: 'Högsby' });
    await send(page, 'Registrera kontakten');
    assert.equal(await notice(page), 'Kontakten är registrerad.');
    await assessInTargetGroup(page);
    const visitDay = addDays(today, 7);
    await bookVisit(page, visitDay, [ombud1, ombud2]);
    const f = await facts(page);
    assert.equal(f['Läge'], 'Orienteringsbesök');
    assert.equal(f['Orienteringsbesök'], `${visitDay}, På kontoret – ${ombud1}, ${ombud2}`);
  });
});
