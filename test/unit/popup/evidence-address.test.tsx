// @vitest-environment happy-dom
/**
 * A source's address comes from data a reader did not write (an import, a restored backup): only a web page or a file
 * becomes a link; an address that would run script or show the file's own content stays plain text.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EvidenceItem } from '../../../src/popup/components/EvidenceItem';
import type { Claim } from '../../../src/core/model/link';
import { $, cleanup, mount } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));

afterEach(cleanup);

const claimWith = (url: string): Claim => ({
  id: 'import:x#1',
  linkId: 'a~uses~b',
  source: { title: 'Quarterly wombat report', url },
  stance: 'supports',
  origin: 'import:stix',
  created: '2024-01-01T00:00:00.000Z',
});

function show(url: string): HTMLElement {
  return mount(
    <ul>
      <EvidenceItem claim={claimWith(url)} scale="words" />
    </ul>,
  );
}

describe('evidence: which source addresses become links', () => {
  it.each(['javascript:alert(document.domain)', ' JavaScript:alert(1)', 'data:text/html,<b>hi</b>', 'blob:https://x.example/1', 'vbscript:msgbox'])('%j is shown as the title, not a link', (url) => {
    const root = show(url);
    expect($('a', root)).toBeNull();
    expect($('.evidence-title', root)!.textContent).toBe('Quarterly wombat report');
  });

  it.each(['https://vendor.example/report', 'http://vendor.example/r?id=1', 'file:///home/me/report.pdf'])('%j opens from the title', (url) => {
    const a = $<HTMLAnchorElement>('a.evidence-title', show(url))!;
    expect(a.getAttribute('href')).toBe(url);
    expect(a.textContent).toContain('Quarterly wombat report');
  });
});
