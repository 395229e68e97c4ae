/**
 * Record (or edit) a claim: two entities, the relation between them, the source's stance and confidence, the
 * quoted passage (the reader's selection, kept as a TextQuoteSelector) and the source, filled from the page.
 * Editing may change the entities and the relation too: the claim then moves to that link.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ICD203 } from '../../core/model/confidence';
import { RELATIONS, RELIABILITIES, type Relation, type Reliability, type Stance } from '../../core/model/link';
import type { Settings } from '../../core/settings';
import { t, type MessageKey } from '../../platform/i18n';
import type { SearchHit } from '../backend';
import { validateDraft, type ClaimDraft, type DraftErrors, type DraftField } from '../lib/claim-draft';
import { confidenceWord, relationLabel, reliabilityText, writingDirection } from '../lib/format';
import { EntityPicker, type PickerOption } from './EntityPicker';
import { Icon } from './Icon';

export interface ClaimFormProps {
  mode: 'add' | 'edit';
  initial: ClaimDraft;
  suggestions: PickerOption[];
  search: (query: string) => Promise<SearchHit[]>;
  scale: Settings['scale'];
  onSubmit: (draft: ClaimDraft) => Promise<void>;
  onCancel: () => void;
  /** Every change the reader makes (not the initial values), so the page can keep the draft. */
  onDraftChange?: ((draft: ClaimDraft) => void) | undefined;
}

const ERROR_TEXT: Record<string, MessageKey> = {
  'from:required': 'popupErrorFrom',
  'to:required': 'popupErrorTo',
  'to:same': 'popupErrorSame',
  'title:required': 'popupErrorTitle',
  'url:url': 'popupErrorUrl',
  'date:date': 'popupErrorDate',
};
const FIELD_ORDER: DraftField[] = ['from', 'to', 'title', 'url', 'date'];
const FIELD_ID: Record<DraftField, string> = { from: 'claim-from', to: 'claim-to', title: 'claim-title', url: 'claim-url', date: 'claim-date' };

function confidenceOption(key: string, value: number, scale: Settings['scale']): string {
  if (scale === 'words') return confidenceWord(key);
  if (scale === 'numbers') return String(value);
  return `${confidenceWord(key)} (${value})`;
}

export function ClaimForm({ mode, initial, suggestions, search, scale, onSubmit, onCancel, onDraftChange }: ClaimFormProps) {
  const [draft, setDraft] = useState<ClaimDraft>(initial);
  const reported = useRef(draft);
  // Layout effect: reported as soon as the change renders, not a frame later; the popup may close at any moment.
  useLayoutEffect(() => {
    if (draft === reported.current) return;
    reported.current = draft;
    onDraftChange?.(draft);
  }, [draft]);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const set = <K extends keyof ClaimDraft>(key: K, value: ClaimDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const err = (f: DraftField) => (errors[f] ? t(ERROR_TEXT[`${f}:${errors[f]}`]!) : undefined);
  const locked = mode === 'edit';

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = validateDraft(draft);
    setErrors(found);
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) {
      form.current?.querySelector<HTMLElement>(`#${FIELD_ID[first]}`)?.focus();
      return;
    }
    setBusy(true);
    setFailed(false);
    try {
      await onSubmit(draft);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const textField = (field: 'title' | 'url' | 'publisher' | 'author', label: MessageKey) => {
    const id = `claim-${field}`;
    const error = field === 'title' || field === 'url' ? err(field) : undefined;
    return (
      <div class={`field${error ? ' invalid' : ''}`}>
        <label for={id}>{t(label)}</label>
        <input
          id={id}
          type="text"
          inputMode={field === 'url' ? 'url' : undefined}
          value={draft[field]}
          onInput={(e) => set(field, e.currentTarget.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          required={field === 'title'}
        />
        {error && (
          <p class="field-error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <form ref={form} class="claim-form" onSubmit={submit} noValidate aria-labelledby="claim-heading">
      <h1 id="claim-heading" class="view-title" tabIndex={-1} data-autofocus>
        {t(locked ? 'popupEditClaim' : 'popupRecordClaim')}
      </h1>
      {!locked && <p class="hint">{t('popupRecordHint')}</p>}

      <fieldset class="card">
        <legend>{t('popupClaimLink')}</legend>
        <EntityPicker id="claim-from" label={t('popupClaimFrom')} value={draft.from} suggestions={suggestions} search={search} onChange={(v) => set('from', v)} error={err('from')} />
        <div class="relation-row">
          <div class="field">
            <label for="claim-relation">{t('popupClaimRelation')}</label>
            <select id="claim-relation" value={draft.relation} onChange={(e) => set('relation', e.currentTarget.value as Relation)}>
              {RELATIONS.map((r) => (
                <option key={r} value={r}>
                  {relationLabel(r)}
                </option>
              ))}
            </select>
          </div>
          <button type="button" class="icon-button swap" aria-label={t('popupSwap')} title={t('popupSwap')} onClick={() => setDraft((d) => ({ ...d, from: d.to, to: d.from }))}>
            <Icon name="swap" />
          </button>
        </div>
        <EntityPicker id="claim-to" label={t('popupClaimTo')} value={draft.to} suggestions={suggestions} search={search} onChange={(v) => set('to', v)} error={err('to')} />
        {/* No sentence for an entity linked to itself: "X uses X" beside the error that forbids it (audit P) */}
        {draft.from && draft.to && draft.from.id !== draft.to.id && (
          <p class="link-sentence" aria-live="polite">
            <strong>{draft.from.name}</strong> {relationLabel(draft.relation)} <strong>{draft.to.name}</strong>
          </p>
        )}
      </fieldset>

      <fieldset class="card">
        <legend>{t('popupClaimJudgement')}</legend>
        <div class="field">
          <span class="label" id="claim-stance-label">
            {t('popupClaimStance')}
          </span>
          <div class="segmented" role="radiogroup" aria-labelledby="claim-stance-label">
            {(['supports', 'refutes'] as Stance[]).map((s) => (
              <label key={s} class={`segment stance-${s}${draft.stance === s ? ' checked' : ''}`}>
                <input type="radio" name="stance" value={s} checked={draft.stance === s} onChange={() => set('stance', s)} />
                {t(`popupStanceChoice_${s}` as MessageKey)}
              </label>
            ))}
          </div>
        </div>
        <div class="field">
          <label for="claim-confidence">{t('popupClaimConfidence')}</label>
          <select id="claim-confidence" value={draft.confidence} onChange={(e) => set('confidence', e.currentTarget.value)}>
            <option value="">{confidenceWord('unspecified')}</option>
            {ICD203.map((b) => (
              <option key={b.key} value={b.key}>
                {confidenceOption(b.key, b.value, scale)}
              </option>
            ))}
          </select>
        </div>
        <div class="field quote-field">
          <span class="label">{t('popupClaimQuote')}</span>
          {draft.quote ? (
            <>
              <blockquote class={`quote${draft.useQuote ? '' : ' dropped'}`} dir={writingDirection(draft.quote.exact)}>
                <p>{draft.quote.exact}</p>
              </blockquote>
              <label class="check">
                <input type="checkbox" checked={draft.useQuote} onChange={(e) => set('useQuote', e.currentTarget.checked)} />
                {t('popupKeepQuote')}
              </label>
            </>
          ) : (
            <p class="hint">{t('popupNoSelection')}</p>
          )}
        </div>
      </fieldset>

      <fieldset class="card">
        <legend>{t('popupClaimSource')}</legend>
        {textField('title', 'popupSourceTitle')}
        {textField('url', 'popupSourceUrl')}
        <div class="two-col">
          {textField('publisher', 'popupSourcePublisher')}
          <div class={`field${errors.date ? ' invalid' : ''}`}>
            <label for="claim-date">{t('popupSourceDate')}</label>
            <input
              id="claim-date"
              type="date"
              value={draft.date}
              onInput={(e) => set('date', e.currentTarget.value)}
              aria-invalid={errors.date ? true : undefined}
              aria-describedby={errors.date ? 'claim-date-error' : undefined}
            />
            {errors.date && (
              <p class="field-error" id="claim-date-error">
                {err('date')}
              </p>
            )}
          </div>
        </div>
        <div class="field">
          <label for="claim-reliability">{t('popupSourceReliability')}</label>
          <select id="claim-reliability" value={draft.reliability} onChange={(e) => set('reliability', e.currentTarget.value as Reliability | '')}>
            <option value="">{t('popupReliabilityUnknown')}</option>
            {RELIABILITIES.map((r) => (
              <option key={r} value={r}>
                {r} — {reliabilityText(r)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>

      {failed && (
        <p class="field-error form-error" role="alert">
          {t('popupSaveFailed')}
        </p>
      )}
      <div class="form-actions">
        <button type="button" class="button secondary" onClick={onCancel}>
          {t('popupCancel')}
        </button>
        <button type="submit" class="button primary" disabled={busy}>
          {t(locked ? 'popupSaveChanges' : 'popupSaveClaim')}
        </button>
      </div>
    </form>
  );
}
