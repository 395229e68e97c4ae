// @vitest-environment happy-dom
/**
 * The import log comes back from a backup, a file the reader may have been handed. Its records were only checked to
 * be objects: one without its counts made the Import page throw while drawing the history, and it stayed broken
 * after every reload. Records that are not whole are left out wherever the log is read.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportBackup, importLog, restoreBackup, applyImport } from '../../../src/core/db/import-export';
import { detectAndParse } from '../../../src/core/importers/index';
import { BackendContext } from '../../../src/options/backend';
import { ImportPanel } from '../../../src/options/components/ImportPanel';
import { fixture } from '../importers/helpers';
import { fakeBackend } from './fake-backend';
import { $, cleanup, mount, waitFor } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));
vi.mock('../../../src/platform/settings', () => ({}));

afterEach(cleanup);

describe('an import log restored from a backup', () => {
  it('keeps its whole records and leaves out the others; the Import page draws the history', async () => {
    const backend = fakeBackend();
    await backend.ready;
    await applyImport(backend.repo, detectAndParse(fixture('stix21-sample.json'), 'stix21-sample.json'));
    const backup = JSON.parse(JSON.stringify(await exportBackup(backend.repo))) as { meta: { key: string; value: unknown }[] };
    const log = backup.meta.find((m) => m.key === 'imports')!;
    const [good] = log.value as Record<string, unknown>[];
    log.value = [{}, { ...good, id: 'import:x', counts: 'many' }, { ...good, id: 'import:y', fileName: { name: 'x' } }, { ...good, id: 'import:z', at: 12 }, good];
    await restoreBackup(backend.repo, backup, 'handed-over.json');

    expect((await importLog(backend.repo)).map((r) => r.id)).toEqual([good!.id]);
    mount(
      <BackendContext.Provider value={backend}>
        <ImportPanel settings={backend.settings()} dataVersion={1} onDataChanged={() => undefined} />
      </BackendContext.Provider>,
    );
    const history = await waitFor(() => $('.import-log'));
    expect(history.querySelectorAll('li')).toHaveLength(1);
    expect(history.textContent).toContain('stix21-sample.json');
  });
});
