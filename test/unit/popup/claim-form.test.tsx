// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import { fakeBackend, PAGE, USER_CLAIM } from './fixtures';
import { $, $$, button, choose, click, key, mount, type, waitFor, cleanup } from '../render';

vi.mock('../../../src/platform/browser', () => import('../render').then((r) => r.fakeBrowserModule()));

afterEach(cleanup);

const val = (id: string) => $<HTMLInputElement>(`#${id}`)!.value;

async function openForm(opts: Parameters<typeof fakeBackend>[0] = {}) {
  const backend = fakeBackend(opts);
  mount(<App backend={backend} />);
  await click(await waitFor(() => button('Record a claim from this page')));
  await waitFor(() => $('form.claim-form'));
  return backend;
}

describe('popup: record a claim', () => {
  it('prefills the two entities the selected passage names, in its order, before the page\'s most mentioned', async () => {
    // TrickBot is the page's most mentioned; the passage names Dridex, then Lazarus Group by a page surface
    const selection = { type: 'TextQuoteSelector' as const, exact: 'analysts said Dridex is linked to HIDDEN COBRA', prefix: '', suffix: '' };
    await openForm({ page: { ...PAGE, selection } });
    expect(val('claim-from')).toBe('Dridex');
    expect(val('claim-to')).toBe('Lazarus Group');
  });
  it('the words between the two names choose the relation, its direction and the stance', async () => {
    const stance = () => $<HTMLInputElement>('input[name=stance]:checked')!.value;
    // passive: the second name is the one that uses the first
    const used = { type: 'TextQuoteSelector' as const, exact: 'Dridex was never used by HIDDEN COBRA', prefix: '', suffix: '' };
    await openForm({ page: { ...PAGE, selection: used } });
    expect([val('claim-from'), val('claim-relation'), val('claim-to'), stance()]).toEqual(['Lazarus Group', 'uses', 'Dridex', 'refutes']);
    cleanup();
    const bought = { type: 'TextQuoteSelector' as const, exact: 'Lazarus Group buys access from TrickBot operators', prefix: '', suffix: '' };
    await openForm({ page: { ...PAGE, selection: bought } });
    expect([val('claim-from'), val('claim-relation'), val('claim-to'), stance()]).toEqual(['Lazarus Group', 'obtains-access-from', 'TrickBot', 'supports']);
  });
  it('a passage naming one entity gives the first, the page the second; a name inside a longer word is not one', async () => {
    const selection = { type: 'TextQuoteSelector' as const, exact: 'the TA505s and then Dridex came', prefix: '', suffix: '' };
    await openForm({ page: { ...PAGE, selection } });
    expect(val('claim-from')).toBe('Dridex');
    expect(val('claim-to')).toBe('TrickBot');
  });
  it('prefills the entities from the page and the source and quote from the tab', async () => {
    await openForm();
    // The two most mentioned entities, TrickBot (6) and Lazarus Group (4), in the order "uses" reads: the group first
    // (taken as they came, the form said "TrickBot uses Lazarus Group").
    expect(val('claim-from')).toBe('Lazarus Group');
    expect(val('claim-to')).toBe('TrickBot');
    expect($('.link-sentence')!.textContent).toBe('Lazarus Group uses TrickBot');
    expect(val('claim-title')).toBe(PAGE.title);
    expect(val('claim-url')).toBe(PAGE.url);
    expect(val('claim-publisher')).toBe('The Patch Ledger');
    expect(val('claim-date')).toBe('2026-11-20');
    expect($('.quote-field .quote')!.textContent).toBe(PAGE.selection!.exact);
    expect($<HTMLInputElement>('.quote-field input[type=checkbox]')!.checked).toBe(true);
    // Every control has an accessible name.
    for (const el of $$('input, select')) {
      const id = el.id;
      const named = el.getAttribute('aria-label') || (id && $(`label[for="${id}"]`)) || el.closest('label');
      expect(named, `${el.outerHTML} is named`).toBeTruthy();
    }
  });

  it('offers page entities first and searches the knowledge base as you type', async () => {
    const backend = await openForm();
    const from = $<HTMLInputElement>('#claim-from')!;
    await type(from, 'Wiz');
    await waitFor(() => $$('#claim-from-list [role=option]').length === 1);
    expect(backend.search).toHaveBeenLastCalledWith('Wiz');
    expect(from.getAttribute('aria-expanded')).toBe('true');
    await key(from, 'ArrowDown');
    await key(from, 'Enter');
    expect(val('claim-from')).toBe('Wizard Spider');
    expect($('.link-sentence')!.textContent).toBe('Wizard Spider uses TrickBot');
    // Escape inside the chooser closes the list and stays in the form.
    await type(from, '');
    await key(from, 'Escape');
    expect($('form.claim-form')).not.toBeNull();
  });

  it('validates before saving: two different entities and a source title', async () => {
    const backend = await openForm({ page: { ...PAGE, title: '' } });
    await type($('#claim-to'), '');
    await click(button('Save claim'));
    expect(backend.addClaim).not.toHaveBeenCalled();
    expect($('#claim-to')!.getAttribute('aria-invalid')).toBe('true');
    expect($('#claim-to-error')!.textContent).toBe('Choose the second entity from the list.');
    expect($('#claim-title-error')!.textContent).toBe('Give the source a title.');
    expect(document.activeElement).toBe($('#claim-to'));
    await type($('#claim-to'), 'Lazarus');
    await waitFor(() => $('#claim-to-list [role=option]'));
    await key($('#claim-to'), 'Enter');
    await click(button('Save claim'));
    expect($('#claim-to-error')!.textContent).toBe('Choose two different entities.');
    // no "Lazarus Group uses Lazarus Group" sentence beside that error
    expect($('.link-sentence')).toBeNull();
    expect(backend.addClaim).not.toHaveBeenCalled();
  });

  it('saves at once with stance, confidence, quote and source, then shows the entity view', async () => {
    const backend = await openForm();
    await click(button('Swap the two entities'));
    expect($('.link-sentence')!.textContent).toBe('TrickBot uses Lazarus Group');
    await click(button('Swap the two entities'));
    await choose($('#claim-relation'), 'obtains-access-from');
    await click($('input[value=refutes]'));
    await choose($('#claim-confidence'), 'veryLikely');
    await choose($('#claim-reliability'), 'C');
    await click(button('Save claim'));
    await waitFor(() => backend.addClaim.mock.calls.length === 1);
    expect(backend.addClaim).toHaveBeenCalledWith({
      from: 'lazarus-group',
      to: 'trickbot',
      relation: 'obtains-access-from',
      stance: 'refutes',
      confidence: 85,
      source: { title: PAGE.title, publisher: 'The Patch Ledger', author: 'Demo desk', date: '2026-11-20', url: PAGE.url, reliability: 'C' },
      quote: PAGE.selection,
      pageUrl: PAGE.url,
    });
    await waitFor(() => $('h1.entity-name')?.textContent === 'Lazarus Group');
    expect($('.notice')!.textContent).toContain('Claim saved.');
    // The link the claim went to is shown open.
    await waitFor(() => $('.link-row.open'));
  });

  it('can drop the selected passage', async () => {
    const backend = await openForm();
    await click($('.quote-field input[type=checkbox]'));
    await click(button('Save claim'));
    await waitFor(() => backend.addClaim.mock.calls.length === 1);
    expect(backend.addClaim.mock.calls[0]![0].quote).toBeUndefined();
  });

  it('edits one of the reader\'s claims', async () => {
    const backend = fakeBackend();
    mount(<App backend={backend} initialEntity="lazarus-group" />);
    await click(await waitFor(() => $('.link-row .link-head')));
    await click(await waitFor(() => button('Edit your claim from My article')));
    await waitFor(() => $('form.claim-form'));
    expect($('#claim-heading')!.textContent).toBe('Edit your claim');
    expect($('.link-sentence')!.textContent).toBe('Lazarus Group obtains access from TrickBot');
    expect(val('claim-from')).toBe('Lazarus Group');
    expect(val('claim-to')).toBe('TrickBot');
    expect(val('claim-title')).toBe('My article');
    expect($<HTMLSelectElement>('#claim-confidence')!.value).toBe('likely');
    await type($('#claim-title'), 'My better title');
    await click($('input[value=refutes]'));
    await click(button('Save changes'));
    await waitFor(() => backend.updateClaim.mock.calls.length === 1);
    expect(backend.updateClaim).toHaveBeenCalledWith(USER_CLAIM.id, {
      link: { from: 'lazarus-group', relation: 'obtains-access-from', to: 'trickbot' },
      stance: 'refutes',
      confidence: 70,
      source: { title: 'My better title', publisher: 'The Patch Ledger', url: 'https://ledger.example/a' },
      quote: USER_CLAIM.quote,
    });
    await waitFor(() => $('h1.entity-name'));
    expect($('.notice')!.textContent).toContain('Changes saved.');
  });

  it('moves a claim to another relation when the reader changes it, and shows it there', async () => {
    const backend = fakeBackend();
    mount(<App backend={backend} initialEntity="lazarus-group" />);
    await click(await waitFor(() => $('.link-row .link-head')));
    await click(await waitFor(() => button('Edit your claim from My article')));
    await waitFor(() => $('form.claim-form'));
    await choose($('#claim-relation'), 'affiliated-with');
    expect($('.link-sentence')!.textContent).toBe('Lazarus Group affiliated with TrickBot');
    await click(button('Save changes'));
    await waitFor(() => backend.updateClaim.mock.calls.length === 1);
    expect(backend.updateClaim.mock.calls[0]![1]?.link).toEqual({ from: 'lazarus-group', relation: 'affiliated-with', to: 'trickbot' });
    await waitFor(() => $('h1.entity-name'));
    expect($('h1.entity-name')!.textContent).toBe('Lazarus Group');
    expect($('.notice')!.textContent).toContain('Changes saved.');
    // The view the edit came from was updated in place: Escape leaves it, rather than finding a second copy.
    await key(document.body, 'Escape');
    await waitFor(() => !$('h1.entity-name'));
    expect($('form.claim-form')).toBeNull();
  });

  it('deletes a claim and undoes the deletion', async () => {
    const backend = fakeBackend();
    mount(<App backend={backend} initialEntity="lazarus-group" />);
    await click(await waitFor(() => $('.link-row .link-head')));
    await click(await waitFor(() => button('Delete your claim from My article')));
    await waitFor(() => backend.deleteClaim.mock.calls.length === 1);
    expect(backend.deleteClaim).toHaveBeenCalledWith(USER_CLAIM.id);
    const undo = await waitFor(() => button('Undo'));
    expect($('.notice')!.textContent).toContain('Claim deleted.');
    await click(undo);
    await waitFor(() => backend.restoreClaim.mock.calls.length === 1);
    expect(backend.restoreClaim).toHaveBeenCalledWith({ claim: USER_CLAIM });
    await waitFor(() => $('.notice')?.textContent?.includes('Claim restored.'));
  });

  it('Escape and Cancel leave the form without saving', async () => {
    const backend = await openForm();
    await key($('#claim-title'), 'Escape');
    await waitFor(() => $('.spotted'));
    await click(button('Record a claim from this page'));
    await click(await waitFor(() => button('Cancel')));
    await waitFor(() => $('.spotted'));
    expect(backend.addClaim).not.toHaveBeenCalled();
  });
});
