// @vitest-environment happy-dom
/** Audit R, finding 1 (options page): a file in another encoding is refused with the reason, and nothing is written. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackendContext } from '../../../src/options/backend';
import { ImportPanel } from '../../../src/options/components/ImportPanel';
import { dump } from '../importers/helpers';
import { fakeBackend } from './fake-backend';
import { $, cleanup, field, mount, pickFile, waitFor } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));
vi.mock('../../../src/platform/settings', () => ({}));

afterEach(cleanup);

const BUNDLE = JSON.stringify({
  type: 'bundle',
  id: 'bundle--00000000-0000-4000-8000-000000000001',
  objects: [{ type: 'tool', spec_version: '2.1', id: 'tool--00000000-0000-4000-8000-0000000000aa', created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z', name: 'Outil Réseau' }],
});

describe('options import: file encodings', () => {
  it('a Windows-1252 file is refused with the encoding named; a UTF-16 one previews its names intact', async () => {
    const backend = fakeBackend();
    await backend.ready;
    mount(
      <BackendContext.Provider value={backend}>
        <ImportPanel settings={backend.settings()} dataVersion={0} onDataChanged={() => undefined} />
      </BackendContext.Provider>,
    );
    const before = await dump(backend.repo);
    const latin1 = new Uint8Array([...BUNDLE].map((ch) => ch.charCodeAt(0)));
    await pickFile(field<HTMLInputElement>('Choose a file…'), new File([latin1], 'latin1.json', { type: 'application/json' }));
    const table = await waitFor(() => $('table.issues'));
    expect(table.textContent).toMatch(/not valid UTF-8 text \(byte 0xE9 at offset \d+\); it is probably in another encoding/);
    expect(await dump(backend.repo)).toBe(before);

    const units = `\uFEFF${BUNDLE}`;
    const utf16 = new Uint8Array(units.length * 2);
    for (let i = 0; i < units.length; i++) [utf16[2 * i], utf16[2 * i + 1]] = [units.charCodeAt(i) & 0xff, units.charCodeAt(i) >> 8];
    await pickFile(field<HTMLInputElement>('Choose a file…'), new File([utf16], 'utf16.json', { type: 'application/json' }));
    await waitFor(() => $('[data-count="newEntities"]'));
    expect($('.preview')!.textContent).toContain('Outil Réseau');
  });
});
