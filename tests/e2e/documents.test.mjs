// The documents printed for the client on a phone (375×812): the client's own copy, with the
// parts the ombud and the client choose, and an application written together and then noted in
// the contact log. Each PDF is read back with pdftotext (poppler-utils) for its Swedish text.
// Every page state is checked with axe-core and for sideways scrolling; the copy is used by
// keyboard only, and both are also made without JavaScript.

import assert from 'node:assert/strict';
import { describe } from 'node:test';

import {
  downloadedPdf,
  expectAccessibleAndFits,
  logIn,
  mainText,
  navigateBy,
  openActiveClient,
  serverAndBrowser,
  submitForm,
  tallPhone,
} from './support.mjs';

describe("the client's copy and the letters", () => {
  const suite = serverAndBrowser();
  const { pageTest } = suite;

  pageTest('an ombud and the client choose the parts and download the copy', tallPhone, async ({ page }) => {
    await logIn(page, 'ombud1');
    await openActiveClient(page);
    await navigateBy(page, () => page.getByRole('link', { name: 'Klientens kopia (PDF)', exact: true }).click());
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Kopia till klienten');
    await expectAccessibleAndFits(page, 'the copy form');

    // Nothing chosen: the page says so and nothing is downloaded.
    for (const name of ['Kartläggningen', 'Handlingsplanen med mål och steg', 'Nätverkskartan',
      'Samtycken och fullmakter', 'Kontaktloggen']) {
      await page.getByRole('checkbox', { name, exact: true }).uncheck();
    }
    await submitForm(page, () => page.getByRole('button', { name: 'Ladda ner kopian (PDF)' }).click(), {
      status: 400,
      label: 'an empty copy',
    });
    assert.match(await page.getByRole('alert').innerText(), /Välj minst en del som ska finnas med i kopian/);
    await expectAccessibleAndFits(page, 'the copy form with an error');

    // The plan and the contact log, without the notes.
    await page.getByRole('checkbox', { name: 'Handlingsplanen med mål och steg', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Kontaktloggen', exact: true }).check();
    await page.getByRole('checkbox', { name: /^Ta med anteckningarna/ }).uncheck();
    const copy = await downloadedPdf(page, () => page.getByRole('button', { name: 'Ladda ner kopian (PDF)' }).click());
    assert.match(copy.name, /^min-kopia-\d{4}-\d{2}-\d{2}\.pdf$/);
    assert.match(copy.text, /Din kopia – /);
    assert.match(copy.text, /Här är det som du och ditt personliga ombud har skrivit ned tillsammans/);
    assert.match(copy.text, /Din plan/);
    assert.match(copy.text, /Det här har vi gjort/);
    assert.doesNotMatch(copy.text, /Ditt nätverk/, 'the network map was not chosen');
    assert.match(copy.text, /Den här kopian sparas inte hos det personliga ombudet/);
  });

  pageTest('the copy form is used with the keyboard alone', tallPhone, async ({ page }) => {
    await logIn(page, 'ombud1');
    await openActiveClient(page, 1);
    const link = page.getByRole('link', { name: 'Klientens kopia (PDF)', exact: true });
    await link.focus();
    await navigateBy(page, () => page.keyboard.press('Enter'));
    await page.getByRole('checkbox', { name: 'Kartläggningen', exact: true }).focus();
    await page.keyboard.press('Space');
    assert.equal(await page.getByRole('checkbox', { name: 'Kartläggningen', exact: true }).isChecked(), false);
    await page.getByRole('button', { name: 'Ladda ner kopian (PDF)' }).focus();
    const copy = await downloadedPdf(page, () => page.keyboard.press('Enter'));
    assert.doesNotMatch(copy.text, /Det här har vi pratat om/, 'the mapping was left out');
    assert.match(copy.text, /Ditt nätverk/);
  });

  pageTest('without JavaScript the copy is downloaded', { ...tallPhone, javaScriptEnabled: false }, async ({ page }) => {
    await logIn(page, 'ombud1');
    await openActiveClient(page, 2);
    await navigateBy(page, () => page.getByRole('link', { name: 'Klientens kopia (PDF)', exact: true }).click());
    const copy = await downloadedPdf(page, () => page.getByRole('button', { name: 'Ladda ner kopian (PDF)' }).click());
    assert.match(copy.text, /Din plan/);
    assert.match(copy.text, /Dina samtycken och fullmakter/);
  });

  /** Fills in an application for a god man, as the ombud and the client would. */
  async function fillGodMan(page) {
    await page.getByLabel('Namn', { exact: true }).fill('Maja Påhittsson');
    await page.getByLabel('Personnummer').fill('811218-9876');
    await page.getByRole('checkbox', { name: /^Förvalta mina pengar/ }).check();
    await page.getByLabel('Därför behöver jag en god man').fill('Jag öppnar inte breven och räkningarna växer.');
  }

  pageTest('an application is written together, downloaded and noted in the log', tallPhone, async ({ page }) => {
    await logIn(page, 'ombud1');
    await openActiveClient(page, 3);
    await navigateBy(page, () => page.getByRole('link', { name: 'Skriv brev eller ansökan', exact: true }).click());
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Brev och ansökningar');
    await expectAccessibleAndFits(page, 'the letters');
    await navigateBy(page, () => page.getByRole('link', { name: 'Ansökan om god man', exact: true }).click());
    assert.match(await page.getByLabel('Till', { exact: true }).inputValue(), /^Överförmyndaren/);
    await expectAccessibleAndFits(page, 'the application form');

    // Sent without what it needs: each missing part is named, and what was typed stays.
    await page.getByLabel('Därför behöver jag en god man').fill('Breven växer');
    await submitForm(page, () => page.getByRole('button', { name: 'Ladda ner brevet (PDF)' }).click(), {
      status: 400,
      label: 'an application without its help',
    });
    assert.match(await page.getByRole('alert').innerText(), /Kryssa i minst ett alternativ/);
    assert.equal(await page.getByLabel('Därför behöver jag en god man').inputValue(), 'Breven växer');
    await expectAccessibleAndFits(page, 'the application form with errors');

    await fillGodMan(page);
    const letter = await downloadedPdf(page, () => page.getByRole('button', { name: 'Ladda ner brevet (PDF)' }).click());
    assert.match(letter.name, /^god_man-\d{4}-\d{2}-\d{2}\.pdf$/);
    assert.match(letter.text, /Ansökan om god man/);
    assert.match(letter.text, /Från Maja Påhittsson 811218-9876/);
    assert.match(letter.text, /– Förvalta mina pengar och betala mina räkningar/);
    assert.match(letter.text, /Jag öppnar inte breven och räkningarna växer\./);

    // One tap to the log, where the entry is already filled in.
    await navigateBy(page, () => page.getByRole('button', { name: 'Anteckna i kontaktloggen' }).click());
    assert.equal(await page.getByRole('radio', { name: 'Skrev brev eller ansökan tillsammans' }).isChecked(), true);
    assert.equal(await page.getByLabel('Vilket brev eller vilken ansökan').inputValue(), 'god_man');
    await expectAccessibleAndFits(page, 'the log with the letter filled in');
    await page.getByLabel('Tid').selectOption('45');
    await submitForm(page, () => page.getByRole('button', { name: 'Spara i loggen' }).click(), { status: 303 });
    assert.match(await mainText(page), /Skrev brev eller ansökan tillsammans: Ansökan om god man/);
  });

  pageTest('without JavaScript an application is downloaded', { ...tallPhone, javaScriptEnabled: false }, async ({ page }) => {
    await logIn(page, 'ombud1');
    await openActiveClient(page, 4);
    await navigateBy(page, () => page.getByRole('link', { name: 'Skriv brev eller ansökan', exact: true }).click());
    await navigateBy(page, () => page.getByRole('link', { name: 'Ansökan om god man', exact: true }).click());
    await fillGodMan(page);
    const letter = await downloadedPdf(page, () => page.getByRole('button', { name: 'Ladda ner brevet (PDF)' }).click());
    assert.match(letter.text, /Jag ansöker om att få en god man/);
  });
});
