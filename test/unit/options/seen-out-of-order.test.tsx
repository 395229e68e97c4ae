// @vitest-environment happy-dom
/**
 * The details page wrote the active dates as a range, "2022 – 2019" for an imported entity whose first seen date is
 * later than its last: read as a range, that runs backwards. It says what the source gave instead.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyImport } from '../../../src/core/db/import-export';
import { detectAndParse } from '../../../src/core/importers/index';
import { BackendContext } from '../../../src/options/backend';
import { EntityDetail } from '../../../src/options/components/EntityDetail';
import { fakeBackend } from './fake-backend';
import { $, cleanup, mount, waitFor } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));
vi.mock('../../../src/platform/settings', () => ({}));

afterEach(cleanup);

const bundle = (first: string, last: string) =>
  JSON.stringify({
    type: 'bundle',
    id: 'bundle--11111111-2222-4333-8444-0000000000c0',
    objects: [
      {
        type: 'intrusion-set', spec_version: '2.1', id: 'intrusion-set--11111111-2222-4333-8444-0000000000c1',
        created: '2021-01-01T00:00:00.000Z', modified: '2021-01-01T00:00:00.000Z', name: 'Pangolin Brigade', first_seen: first, last_seen: last,
      },
    ],
  });

async function activeAfterImport(first: string, last: string): Promise<string> {
  const backend = fakeBackend();
  await backend.ready;
  const plan = detectAndParse(bundle(first, last), 'pangolin.json');
  await applyImport(backend.repo, plan);
  mount(
    <BackendContext.Provider value={backend}>
      <EntityDetail id={plan.entities[0]!.id} settings={backend.settings()} dataVersion={0} onOpen={() => undefined} />
    </BackendContext.Provider>,
  );
  await waitFor(() => $('#detail-title'));
  const label = [...document.querySelectorAll('dt')].find((dt) => dt.textContent === 'Active')!;
  return label.nextElementSibling!.textContent!;
}

describe('entity details: active dates', () => {
  it('out of order in the imported file: both dates named, not a backwards range', async () => {
    expect(await activeAfterImport('2022-03-01T00:00:00Z', '2019-11-30T00:00:00Z')).toBe('first seen 2022-03-01, last seen 2019-11-30 (out of order in the source)');
  });

  it('in order: the range as before', async () => {
    expect(await activeAfterImport('2019-11-30T00:00:00Z', '2022-03-01T00:00:00Z')).toBe('2019-11-30 – 2022-03-01');
  });
});
