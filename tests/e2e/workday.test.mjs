// A whole working day of an ombud on a phone (375×812), in one client's home: open the client,
// map needs, add a goal with a step, add someone to the network map, log a contact, book the next
// meeting, write an application together and download the client's own copy. Every text typed
// carries a marker; the client's copy holds it (it is theirs), while the server's database, its
// WAL and its log never do (sealed with the client's key, never logged).

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

import {
  daysAhead,
  downloadedPdf,
  expectAccessibleAndFits,
  logIn,
  mainText,
  navigateBy,
  openActiveClient,
  serverAndBrowser,
  submitForm,
  tallPhone,
  visit,
  withPage,
} from './support.mjs';

const MARKER = 'MARKER-Wd5Day';

describe('a working day', () => {
  const suite = serverAndBrowser();

  async function send(page, name, status = 303) {
    await submitForm(page, () => page.getByRole('button', { name, exact: true }).click(), { status, label: name });
  }

  it('an ombud works with a client from mapping to the client’s copy, and nothing typed reaches the disk', { timeout: 90_000 }, () =>
    withPage(suite.browser, suite.server, tallPhone, async ({ page }) => {
      await logIn(page, 'ombud1');
      const client = await openActiveClient(page, 10);
      await expectAccessibleAndFits(page, 'the client page');

      await navigateBy(page, () => page.getByRole('link', { name: 'Kartläggning', exact: true }).click());
      const economy = page.getByRole('group', { name: 'Ekonomi och skulder' });
      await economy.getByLabel('Med klientens egna ord').fill(`Räkningarna växer ${MARKER}-mapping`);
      await economy.getByRole('checkbox', { name: 'Klienten vill ha hjälp med det här' }).check();
      await send(page, 'Spara kartläggningen');

      await visit(page, `${client}/plan`);
      await page.getByLabel('Målet').fill(`Få ordning på ekonomin ${MARKER}-goal`);
      await send(page, 'Spara målet');
      await page.getByLabel('Steget').fill(`Öppna breven tillsammans ${MARKER}-step`);
      await page.getByRole('radio', { name: 'Klienten' }).check();
      await send(page, 'Spara steget');
      await expectAccessibleAndFits(page, 'the goal with a step');

      await visit(page, `${client}/network`);
      await page.getByLabel('Vem är det?').selectOption({ label: 'Överförmyndaren' });
      await page.getByLabel('Namn eller befattning').fill(`Handläggaren ${MARKER}-network`);
      await send(page, 'Lägg till');

      await visit(page, `${client}/log`);
      await page.getByRole('radio', { name: 'Möte med klienten' }).check();
      await page.getByLabel('Tid').selectOption('60');
      await page.getByLabel(/^Anteckning/).fill(`Vi gick igenom posten ${MARKER}-note`);
      await send(page, 'Spara i loggen');
      await expectAccessibleAndFits(page, 'the log with the visit');

      await visit(page, `${client}/appointments`);
      await page.getByLabel('Datum').fill(daysAhead(7));
      await page.getByLabel('Klockan').fill('10.00');
      await page.getByLabel('Var', { exact: true }).selectOption('annat');
      await page.getByLabel('Adress eller rum').fill(`Storgatan 3 ${MARKER}-where`);
      await page.getByLabel('Vilka är med').fill(`Handläggaren ${MARKER}-who`);
      await send(page, 'Boka');
      assert.equal(await page.getByRole('status').innerText(), 'Mötet är bokat.');

      await visit(page, `${client}/letters/god_man`);
      await page.getByLabel('Namn', { exact: true }).fill('Klienten Själv');
      await page.getByRole('checkbox', { name: /^Förvalta mina pengar/ }).check();
      await page.getByLabel('Därför behöver jag en god man').fill(`Jag klarar inte räkningarna ${MARKER}-letter`);
      const letter = (await downloadedPdf(page, () => page.getByRole('button', { name: 'Ladda ner brevet (PDF)' }).click())).text;
      assert.match(letter, new RegExp(`${MARKER}-letter`));
      await navigateBy(page, () => page.getByRole('button', { name: 'Anteckna i kontaktloggen' }).click());
      await page.getByLabel('Tid').selectOption('30');
      await send(page, 'Spara i loggen');
      assert.match(await mainText(page), /Skrev brev eller ansökan tillsammans: Ansökan om god man/);

      await visit(page, `${client}/copy`);
      const copy = (await downloadedPdf(page, () => page.getByRole('button', { name: 'Ladda ner kopian (PDF)' }).click())).text;
      for (const part of ['mapping', 'goal', 'step', 'network', 'note']) {
        assert.match(copy, new RegExp(`${MARKER}-${part}`), `the client's copy holds their ${part}`);
      }
      assert.doesNotMatch(copy, new RegExp(`${MARKER}-letter`), 'the letter itself is never kept');

      // The server's database, its WAL and its log: not a trace of what was typed.
      for (const file of [path.join(suite.server.dataDir, 'ombud.db'), path.join(suite.server.dataDir, 'ombud.db-wal'), suite.server.logFile]) {
        if (!existsSync(file)) continue;
        assert.equal(readFileSync(file).includes(MARKER), false, `${path.basename(file)} holds the marker`);
      }
      assert.ok(existsSync(path.join(suite.server.dataDir, 'ombud.db')), 'the database was looked at');
    }));
});
