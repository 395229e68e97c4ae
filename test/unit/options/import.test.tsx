// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportStix, importLog } from '../../../src/core/db/import-export';
import { BackendContext } from '../../../src/options/backend';
import { ImportHistory } from '../../../src/options/components/ImportHistory';
import { ImportPanel } from '../../../src/options/components/ImportPanel';
import { ImportError } from '../../../src/core/importers/index';
import { jsonProblemOf } from '../../../src/options/import/json-problem';
import { dump } from '../importers/helpers';
import { fakeBackend, type FakeBackend } from './fake-backend';
import { $, $$, button, cleanup, click, field, mount, pickFile, submit, type, waitFor } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));
vi.mock('../../../src/platform/settings', () => ({}));

afterEach(cleanup);

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/imports');
const fileOf = (name: string) => new File([readFileSync(path.join(FIXTURES, name), 'utf8')], path.basename(name), { type: 'application/json' });
const count = (id: string) => Number($(`[data-count="${id}"] dd`)?.textContent?.replace(/[^\d]/g, ''));

/** Mounts the panel the way App does: a data change bumps the version (the log and undo state reload). */
function show(backend: FakeBackend) {
  function Harness() {
    const [version, setVersion] = useState(0);
    return (
      <BackendContext.Provider value={backend}>
        <ImportPanel settings={backend.settings()} dataVersion={version} onDataChanged={() => setVersion((v) => v + 1)} />
      </BackendContext.Provider>
    );
  }
  mount(<Harness />);
}

const fileInput = () => field<HTMLInputElement>('Choose a file…');

describe('options import: file → preview → apply → undo', () => {
  it('previews a MISP galaxy file with its counts and writes nothing until applied', async () => {
    const backend = fakeBackend();
    await backend.ready;
    show(backend);
    const before = await dump(backend.repo);
    await pickFile(fileInput(), fileOf('misp-threat-actor-sample.json'));
    await waitFor(() => $('[data-count="newEntities"]'));
    const values = (JSON.parse(readFileSync(path.join(FIXTURES, 'misp-threat-actor-sample.json'), 'utf8')) as { values: unknown[] }).values;
    expect(count('inFile')).toBe(values.length);
    expect($('#preview-title')!.textContent).toBe('Preview of misp-threat-actor-sample.json');
    expect($('.preview')!.textContent).toContain('MISP galaxy cluster');
    const fresh = count('newEntities');
    const updated = count('updatedEntities');
    expect(fresh).toBeGreaterThan(0);
    expect(updated).toBeGreaterThan(0); // Lazarus Group is bundled
    expect(await dump(backend.repo)).toBe(before);

    const entitiesBefore = await backend.repo.db.entities.count();
    await click(button('Apply import'));
    await waitFor(() => $('.notice.good'));
    expect($('.notice.good')!.textContent).toMatch(/^Imported misp-threat-actor-sample\.json/);
    expect(await backend.repo.db.entities.count()).toBe(entitiesBefore + fresh);
    expect((await importLog(backend.repo))[0]?.counts.updatedEntities).toBe(updated);
    expect(await backend.lastUndo.get()).toBeDefined();
  });

  it('says a file naming ActorLens as its creator will be trusted as the reader\'s own export; other files get no such notice', async () => {
    const backend = fakeBackend();
    await backend.ready;
    show(backend);
    await pickFile(fileInput(), fileOf('misp-threat-actor-sample.json'));
    await waitFor(() => $('[data-count="newEntities"]'));
    expect($('.own-export')).toBeNull();
    await click(button('Cancel'));
    await backend.repo.addClaim({ from: 'lazarus-group', relation: 'uses', to: 'trickbot', stance: 'supports', source: { title: 'My note' } });
    const own = JSON.stringify(await exportStix(backend.repo, { scope: 'annotations' }));
    await pickFile(fileInput(), new File([own], 'report-from-vendor.json', { type: 'application/json' }));
    await waitFor(() => $('.own-export'));
    expect($('.own-export')!.textContent).toContain('This file says it was exported by ActorLens');
  });

  it('counts that add up: entities in the file = new + updated + unchanged, all unchanged when the same file comes again', async () => {
    const backend = fakeBackend();
    await backend.ready;
    show(backend);
    await pickFile(fileInput(), fileOf('misp-threat-actor-sample.json'));
    await waitFor(() => $('[data-count="newEntities"]'));
    expect(count('inFile')).toBe(count('newEntities') + count('updatedEntities') + count('unchangedEntities'));
    expect($('[data-count="unchangedEntities"] dt')!.textContent).toBe('Unchanged or merged');
    await click(button('Apply import'));
    await waitFor(() => $('.notice.good'));

    await pickFile(fileInput(), fileOf('misp-threat-actor-sample.json'));
    await waitFor(() => $('[data-count="newEntities"]'));
    expect(count('newEntities')).toBe(0);
    expect(count('updatedEntities')).toBe(0);
    expect(count('unchangedEntities')).toBe(count('inFile'));
  });

  it('says a cut-off file is incomplete JSON, where it stops, without the engine\'s message or "Unrecognised format"', async () => {
    const backend = fakeBackend();
    await backend.ready;
    show(backend);
    const whole = readFileSync(path.join(FIXTURES, 'misp-threat-actor-sample.json'), 'utf8');
    const cut = whole.slice(0, Math.floor(whole.length / 2));
    const lines = cut.trimEnd().split('\n');
    await pickFile(fileInput(), new File([cut], 'threat-actor.json', { type: 'application/json' }));
    await waitFor(() => $('table.issues'));
    const preview = $('.preview')!.textContent!;
    expect(preview).toContain('Incomplete JSON');
    expect(preview).not.toContain('Unrecognised format');
    const row = $('table.issues tbody tr')!.textContent!;
    expect(row).toContain(`line ${lines.length}, column ${lines.at(-1)!.length + 1}`);
    expect(row).toContain('The file ends before its JSON is complete');
    expect(row).not.toMatch(/position|JSON input|Unterminated|Expected/);
    expect(button('Apply import')).toBeUndefined();

    await click(button('Close', $('.preview')!));
    await pickFile(fileInput(), new File(['{\n  "type": "bundle",\n  "objects" []\n}\n'], 'bad.json', { type: 'application/json' }));
    await waitFor(() => $('table.issues'));
    expect($('.preview')!.textContent).toContain('Not valid JSON');
    expect($('table.issues tbody tr')!.textContent).toContain('The file is not valid JSON: a syntax error at line 3, column 13.');
  });

  it('finds where a text stops being JSON, whatever the engine said', () => {
    const plan = (message: string) => ({ format: 'unknown' as const, errors: [new ImportError({ file: 'f.json', path: '', field: '', message })] });
    const chromium = plan('The file is not valid JSON (Unexpected token \']\', "[1,]" is not valid JSON).');
    // Cut off: the place is where the text stops (its last line, after its last character).
    expect(jsonProblemOf(chromium, '{\n  "a": [1,\n  2')).toEqual({ incomplete: true, line: 3, column: 4 });
    expect(jsonProblemOf(chromium, '{\n  "a": [1,\n  2\n\n')).toEqual({ incomplete: true, line: 3, column: 4 });
    expect(jsonProblemOf(chromium, '\ufeff{"name": "Lazarus Gr')).toEqual({ incomplete: true, line: 1, column: 21 });
    expect(jsonProblemOf(chromium, '{"a": tr')).toEqual({ incomplete: true, line: 1, column: 9 });
    expect(jsonProblemOf(chromium, '{"a": "\\u00')).toEqual({ incomplete: true, line: 1, column: 12 });
    // Wrong: the place of the first fault.
    expect(jsonProblemOf(chromium, '[1,]')).toEqual({ incomplete: false, line: 1, column: 4 });
    expect(jsonProblemOf(chromium, '{\n "a": 1,\n "b" 2}')).toEqual({ incomplete: false, line: 3, column: 6 });
    expect(jsonProblemOf(chromium, '{"a": trux}')).toEqual({ incomplete: false, line: 1, column: 10 });
    expect(jsonProblemOf(chromium, '{"a": 1} x')).toEqual({ incomplete: false, line: 1, column: 10 });
    expect(jsonProblemOf(chromium, "{'a': 1}")).toEqual({ incomplete: false, line: 1, column: 2 });
    expect(jsonProblemOf(chromium, '[1, 2]]')).toEqual({ incomplete: false, line: 1, column: 7 });
    // Where this reading finds nothing wrong (it and the engine disagree), the engine's place is kept.
    expect(jsonProblemOf(plan('The file is not valid JSON (Bad thing in JSON at position 2 (line 1 column 3)).'), '[1]')).toEqual({ incomplete: false, line: 1, column: 3 });
    expect(jsonProblemOf(plan('The file is not valid JSON (JSON.parse: unexpected character at line 1 column 2 of the JSON data).'), '[1]')).toEqual({ incomplete: false, line: 1, column: 2 });
    expect(jsonProblemOf(plan('The file is not valid JSON (Something).'), '[1]')).toEqual({ incomplete: false });
    // Not a parse failure: left alone.
    expect(jsonProblemOf(plan('The file is empty.'), '')).toBeUndefined();
  });

  it('marks a public feed as imported when the same galaxy or ATT&CK bundle was imported from a file', async () => {
    const backend = fakeBackend();
    await backend.ready;
    show(backend);
    const card = (title: string) => $$('.preset').find((c) => $('h4', c)!.textContent === title)!;
    await waitFor(() => $('.presets'));
    expect(card('MISP galaxy: threat actors').textContent).toContain('Not imported yet');
    await pickFile(fileInput(), fileOf('misp-threat-actor-sample.json'));
    await click(await waitFor(() => button('Apply import')));
    await waitFor(() => $('.notice.good'));
    await waitFor(() => card('MISP galaxy: threat actors').textContent?.includes('Last imported'));
    expect(button('Update now', card('MISP galaxy: threat actors'))).toBeDefined();
    // Other galaxies were not imported.
    expect(card('MISP galaxy: tools').textContent).toContain('Not imported yet');
    expect(card('MITRE ATT&CK Enterprise').textContent).toContain('Not imported yet');

    await pickFile(fileInput(), fileOf('stix20-attack-sample.json'));
    await click(await waitFor(() => button('Apply import')));
    await waitFor(() => card('MITRE ATT&CK Enterprise').textContent?.includes('Last imported'));
    expect(card('MISP galaxy: tools').textContent).toContain('Not imported yet');
  });

  it('offers undo of the last import and restores the data exactly', async () => {
    const backend = fakeBackend();
    await backend.ready;
    show(backend);
    const before = await dump(backend.repo, { ignoreMeta: ['dataVersion'] });
    await pickFile(fileInput(), fileOf('stix21-sample.json'));
    await click(await waitFor(() => button('Apply import')));
    await waitFor(() => $('.notice.good'));
    const undo = await waitFor(() => button('Undo this import'));
    await click(undo);
    await waitFor(() => $('.notice')?.textContent?.includes('was undone'));
    expect(await dump(backend.repo, { ignoreMeta: ['dataVersion'] })).toBe(before);
    expect(await backend.lastUndo.get()).toBeUndefined();
  });

  it('says what undo kept because the reader worked on it since the import', async () => {
    const backend = fakeBackend();
    await backend.ready;
    show(backend);
    await pickFile(fileInput(), fileOf('stix21-sample.json'));
    await click(await waitFor(() => button('Apply import')));
    await waitFor(() => $('.notice.good'));
    const added = (await backend.lastUndo.get())!.added.entities[0]!;
    await backend.repo.addClaim({ from: added, relation: 'uses', to: 'trickbot', stance: 'supports', confidence: 80, source: { title: 'My report' } });
    await click(await waitFor(() => button('Undo this import')));
    const notice = await waitFor(() => $$('.notice').find((n) => n.textContent?.includes('was undone')));
    expect(notice.textContent).toContain('Kept because you have worked on them since: claims 0, links 0, entities 1.');
    expect(await backend.repo.db.entities.get(added)).toBeDefined();
  });

  it('shows a broken file\'s errors with file, path and field, offers no apply, and changes nothing', async () => {
    const backend = fakeBackend();
    await backend.ready;
    show(backend);
    const before = await dump(backend.repo);
    await pickFile(fileInput(), fileOf('hostile/non-string.json'));
    await waitFor(() => $('table.issues'));
    expect($('[role=alert]')!.textContent).toContain('nothing was imported');
    const cells = $$('table.issues tbody tr td').map((td) => td.textContent);
    expect(cells).toEqual(['non-string.json', 'values[1]', 'value', 'A name must be a string, got a number.']);
    expect(button('Apply import')).toBeUndefined();
    expect(await dump(backend.repo)).toBe(before);
  });

  it('is all or nothing: a write failing half-way leaves the database as it was', async () => {
    const backend = fakeBackend();
    await backend.ready;
    show(backend);
    const before = await dump(backend.repo);
    await pickFile(fileInput(), fileOf('stix21-sample.json'));
    const apply = await waitFor(() => button('Apply import'));
    // Entities are written first; make the links write fail inside the same transaction.
    vi.spyOn(backend.repo.db.links, 'bulkPut').mockImplementation(() => Promise.reject(new Error('disk full')) as never);
    await click(apply);
    await waitFor(() => $('#failed-title'));
    expect($('.preview-failed table.issues')!.textContent).toContain('disk full');
    expect(await dump(backend.repo)).toBe(before);
    expect(await backend.lastUndo.get()).toBeUndefined();
  });

  it('refuses files over the size limit before reading them', async () => {
    const backend = fakeBackend();
    show(backend);
    const big = new File(['{}'], 'huge.json');
    Object.defineProperty(big, 'size', { value: 60 * 1024 * 1024 });
    await pickFile(fileInput(), big);
    await waitFor(() => $('table.issues'));
    expect($('table.issues')!.textContent).toMatch(/huge\.json/);
  });

  it('imports from an address only after asking for that host, and shows download errors', async () => {
    const backend = fakeBackend();
    show(backend);
    const input = field<HTMLInputElement>('Or import from an address')!;
    await type(input, 'http://example.com/feed.json');
    await submit(input.form);
    expect($('[role=alert]')!.textContent).toBe('Enter a full https:// address.');
    expect(backend.requestOrigin).not.toHaveBeenCalled();

    await type(input, 'https://feeds.example.org/galaxy.json');
    await submit(input.form);
    await waitFor(() => $('table.issues'));
    expect(backend.requestOrigin).toHaveBeenCalledWith('https://feeds.example.org/galaxy.json');
    expect(backend.fetchText).toHaveBeenCalled();
    expect($('table.issues')!.textContent).toContain('offline');
  });

  it('says so when the host permission is refused, and fetches nothing', async () => {
    const backend = fakeBackend();
    vi.mocked(backend.requestOrigin).mockResolvedValue(false);
    show(backend);
    await click(button('Import', $('.presets')!));
    await waitFor(() => $('.notice')?.textContent?.includes('needs your permission'));
    expect(backend.requestOrigin).toHaveBeenCalledWith(expect.stringMatching(/^https:\/\/raw\.githubusercontent\.com\/MISP\//));
    expect(backend.fetchText).not.toHaveBeenCalled();
  });

  it('shows progress while a big file is read and parsed', async () => {
    const backend = fakeBackend();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const analyse = backend.analyse;
    backend.analyse = async (text, name) => {
      await gate;
      return analyse(text, name);
    };
    show(backend);
    await pickFile(fileInput(), fileOf('misp-threat-actor-sample.json'));
    await waitFor(() => $('.progress-box progress'));
    expect($('.progress-box')!.textContent).toContain('Reading the entries of misp-threat-actor-sample.json');
    release();
    await waitFor(() => $('[data-count="newEntities"]'));
  });
});

describe('import log', () => {
  it('writes its counts with thousands separators, as the rest of the page does ("7,150 of 7,150 entities")', () => {
    const record = { id: 'i1', fileName: 'malpedia.json', at: '2026-11-20T10:00:00.000Z', counts: { newEntities: 3226, updatedEntities: 440, newLinks: 1060 } };
    mount(<ImportHistory log={[record as Parameters<typeof ImportHistory>[0]['log'][number]]} busy={false} onUndo={() => undefined} />);
    expect($('.import-log')!.textContent).toContain('3,226 new, 440 updated entities · 1,060 new links');
  });
});
