// @vitest-environment happy-dom
/** Audit R, finding 3 (options page): the preview's warning tile and list title give the true total of a capped list. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportPreview as Preview } from '../../../src/core/db/import-export';
import { emptyPlan, type ImportIssue } from '../../../src/core/importers/index';
import { ImportPreview } from '../../../src/options/components/ImportPreview';
import { $, cleanup, mount } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));
vi.mock('../../../src/platform/settings', () => ({}));

afterEach(cleanup);

const issue = (i: number): ImportIssue => ({ file: 'f.json', path: `link ${i}`, field: 'to', message: 'x is neither in the file nor in the database; link skipped.' });

describe('import preview with a capped warning list', () => {
  it('shows 362 warnings, and the rows cut from the table by their true number', () => {
    const warnings: ImportIssue[] = [
      ...Array.from({ length: 150 }, (_, i) => issue(i)),
      ...Array.from({ length: 50 }, (_, i) => issue(1000 + i)),
      { file: 'f.json', path: 'links', field: '', message: '…and 162 more links skipped for the same reason (212 in all).', counts: 162 },
    ];
    const preview: Preview = {
      newEntities: [],
      updatedEntities: [],
      conflicts: [],
      newLinks: [],
      updatedLinks: [],
      newClaims: [],
      updatedClaims: [],
      removedClaims: [],
      removedLinks: [],
      errors: [],
      warnings,
      skipped: { revoked: 0, deprecated: 0, unsupported: 0, orphaned: 0 },
    };
    mount(<ImportPreview name="f.json" plan={emptyPlan('stix-2.1', 'f.json', 'stix')} preview={preview} busy={false} onApply={() => undefined} onCancel={() => undefined} />);
    expect($('[data-count="warnings"] dd')!.textContent!.replace(/[^\d]/g, '')).toBe('362');
    expect($('details.name-list summary')?.textContent).toContain('362');
    // 100 rows shown; the 101 cut stand for 100 + 162 warnings.
    expect($('.table-wrap p.muted')!.textContent).toContain('262 more problems not shown');
  });
});
