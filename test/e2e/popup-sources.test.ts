/**
 * A link whose sources disagree and quote at length, in three scripts, real Chromium: the link's confidence and its
 * "5 sources · 1 refuting" do not run into each other; a passage in Hebrew or Arabic reads right to left (its first
 * word at the right, Latin names in place) and stands upright; a long passage shows its first lines and a button for
 * the rest. Then the popup in forced colours (high contrast): the site switch and the confidence scale stay visible.
 * The data is a STIX bundle of notes on one relationship, imported through the options page. Screenshots go to
 * out/popup-sources-*.png.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { layoutProblems, popupFor, sharedBrowser } from './harness';
import { openOptions, waitSeeded } from './options-support';

const env = sharedBrowser();
const ACTOR = 'intrusion-set--22222222-2222-4222-8222-222222222222';
const MALWARE = 'malware--55555555-5555-4555-8555-555555555555';
const REL = 'relationship--33333333-3333-4333-8333-333333333333';
const HEBREW_FIRST = 'הקבוצה';
const LONG = Array.from({ length: 12 }, (_, i) => `Passage sentence ${i + 1} on how the loader was staged on compromised servers.`).join(' ');
const NOTES = [
  { content: 'ويستخدم فريق دون فالكون أداة ساند كايت لتحميل المراحل التالية على الأجهزة المصابة (Sand Kite).', stance: 'supports', confidence: 70, publisher: 'مرصد التهديدات' },
  { content: `${HEBREW_FIRST} Dune Falcon הפעילה את Sand Kite נגד ארגונים רבים, לפי הממצאים שלנו.`, stance: 'supports', confidence: 60, publisher: 'מערך הסייבר' },
  { content: LONG, stance: 'supports', confidence: 85, publisher: 'Example Intel Vendor' },
  { content: 'We found no code overlap between this loader and Sand Kite; the attribution to Dune Falcon does not hold.', stance: 'refutes', confidence: 80, publisher: 'Another Research Lab' },
];

let imported = false;
async function importSources(): Promise<void> {
  if (imported) return;
  const created = '2024-01-01T00:00:00.000Z';
  const file = path.join(tmpdir(), 'popup-sources-stix.json');
  writeFileSync(
    file,
    JSON.stringify({
      type: 'bundle',
      id: 'bundle--44444444-4444-4444-8444-444444444444',
      objects: [
        { type: 'intrusion-set', spec_version: '2.1', id: ACTOR, created, modified: created, name: 'Dune Falcon' },
        { type: 'malware', spec_version: '2.1', id: MALWARE, created, modified: created, name: 'Sand Kite', is_family: true },
        { type: 'relationship', spec_version: '2.1', id: REL, created, modified: created, relationship_type: 'uses', source_ref: ACTOR, target_ref: MALWARE },
        ...NOTES.map((n, i) => ({
          type: 'note',
          spec_version: '2.1',
          id: `note--66666666-6666-4666-8666-66666666666${i}`,
          created,
          modified: created,
          content: n.content,
          object_refs: [REL],
          confidence: n.confidence,
          x_actorlens_stance: n.stance,
          external_references: [{ source_name: n.publisher, url: `https://research.example.org/2025/03/an-investigation-into-dune-falcon-and-its-loader-infrastructure-${i}/?utm_source=feed&ref=a1b2c3d4e5f6a1b2c3d4e5f6` }],
        })),
      ],
    }),
  );
  const options = await openOptions(env.browser.context, env.browser.extensionId);
  await waitSeeded(options);
  await options.getByLabel('Choose a file…').setInputFiles(file);
  await options.getByRole('button', { name: 'Apply import' }).click();
  await options.getByText(/^Imported popup-sources-stix\.json/).waitFor();
  await options.close();
  imported = true;
}

test('sources that disagree, quote at length and in Hebrew and Arabic are shown readably', async () => {
  await importSources();
  const popup = await env.browser.context.newPage();
  try {
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${env.browser.extensionId}/popup/popup.html?entity=${encodeURIComponent(`stix:${ACTOR}`)}`);
    const row = popup.locator('.link-row', { hasText: 'Sand Kite' });
    await row.locator('.link-head').click();
    await row.locator('.evidence').first().waitFor();
    assert.match(await row.locator('.sources-count').innerText(), /5 sources · 1 refuting/);
    // "roughly even chance 43" and "5 sources · 1 refuting" were drawn over each other.
    assert.deepEqual(await layoutProblems(popup), []);

    // Right to left: the Hebrew passage's first word is at its right, after the Latin name in reading order.
    const hebrew = row.locator('.quote', { hasText: 'Dune Falcon' }).filter({ hasText: HEBREW_FIRST });
    // No named helper inside: the test runner's transpiler would wrap it in a helper the page lacks.
    const [firstWordLeft, latinLeft, style] = await hebrew.evaluate((q, first) => {
      const text = q.querySelector('p')!.firstChild as Text;
      const lefts = [first, 'Dune Falcon'].map((word) => {
        const range = document.createRange();
        const start = text.data.indexOf(word);
        range.setStart(text, start);
        range.setEnd(text, start + word.length);
        return range.getBoundingClientRect().left;
      });
      return [lefts[0]!, lefts[1]!, getComputedStyle(q).fontStyle] as const;
    }, HEBREW_FIRST);
    assert.ok(firstWordLeft > latinLeft, `the first Hebrew word (${firstWordLeft} px) is right of "Dune Falcon" (${latinLeft} px)`);
    assert.equal(style, 'normal', 'a Hebrew passage is not slanted');
    assert.equal(await row.locator('.quote', { hasText: 'Sand Kite' }).first().evaluate((q) => getComputedStyle(q).fontStyle), 'normal', 'nor an Arabic one');
    assert.equal(await row.locator('.quote', { hasText: 'no code overlap' }).evaluate((q) => getComputedStyle(q).fontStyle), 'italic', 'an English passage keeps its italics');

    // The long passage: its start, then the whole on request, focus on it.
    const long = row.locator('.quote', { hasText: 'Passage sentence 1 ' });
    const cut = await long.innerText();
    assert.ok(cut.endsWith('…') && cut.length < LONG.length / 2, `cut to its start: ${cut}`);
    await popup.screenshot({ path: 'out/popup-sources-cut.png', fullPage: true });
    await row.getByRole('button', { name: 'Show the whole passage' }).click();
    await popup.waitForFunction((whole) => [...document.querySelectorAll('.quote')].some((q) => q.textContent === whole), LONG);
    // Focus moves in the frame after the passage is drawn.
    await popup.waitForFunction(() => document.activeElement?.classList.contains('quote'), undefined, { timeout: 2000 });
    assert.deepEqual(await layoutProblems(popup), []);
  } finally {
    await popup.close();
  }
});

test('in forced colours the site switch, its state and the confidence scale stay visible', async () => {
  const { page, popup } = await popupFor(env, '/demo/article.html');
  try {
    await popup.emulateMedia({ forcedColors: 'active' });
    await popup.locator('.spotted').waitFor();
    const track = popup.locator('.switch-track');
    // Read once the switch's colour transition (0.15 s) is over: a read during it gives a colour between the two.
    const drawn = () =>
      track.evaluate(async (el) => {
        await Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished));
        return { border: parseFloat(getComputedStyle(el).borderTopWidth), knob: getComputedStyle(el, '::after').backgroundColor, fill: getComputedStyle(el).backgroundColor };
      });
    const on = await drawn();
    assert.ok(on.border >= 1, 'the track is outlined');
    await popup.screenshot({ path: 'out/popup-sources-forced-home.png' });
    await popup.locator('.switch input').click();
    await popup.locator('.empty.off').waitFor();
    const off = await drawn();
    assert.notEqual(on.fill, off.fill, 'on and off are told apart');
    await popup.locator('.switch input').click();
    await popup.locator('.spotted').waitFor({ timeout: 10_000 });

    await popup.getByRole('button', { name: /Lazarus Group/ }).first().click();
    const scale = popup.locator('.link-row .confidence-scale').first();
    await scale.waitFor();
    const [lit, unlit] = await scale.evaluate((s) => {
      const steps = [...s.children].map((c) => getComputedStyle(c));
      const litStep = steps.find((_, i) => s.children[i]!.classList.contains('on'))!;
      const unlitStep = steps.find((_, i) => !s.children[i]!.classList.contains('on'))!;
      return [litStep.backgroundColor, `${unlitStep.backgroundColor} ${unlitStep.borderTopWidth}`];
    });
    assert.notEqual(lit, unlit.split(' ').slice(0, -1).join(' '), 'lit steps differ from unlit ones');
    assert.notEqual(unlit.split(' ').pop(), '0px', 'unlit steps are outlined');
    await popup.screenshot({ path: 'out/popup-sources-forced-entity.png' });
  } finally {
    await popup.close();
    await page.close();
  }
});
