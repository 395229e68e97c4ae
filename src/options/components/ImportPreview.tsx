/** What an import would change, shown before anything is written; the reader applies or cancels. */
import type { ImportPreview as Preview } from '../../core/db/import-export';
import { issueTotal, type ImportPlan } from '../../core/importers/index';
import type { Link } from '../../core/model/link';
import { t, type MessageKey } from '../../platform/i18n';
import type { JsonProblem } from '../import/json-problem';
import { CountTile } from './CountTile';
import { ImportErrors } from './ImportErrors';
import { NameList } from './NameList';

export interface ImportPreviewProps {
  name: string;
  plan: ImportPlan;
  preview: Preview;
  /** The file is not complete, valid JSON: said instead of "Unrecognised format". */
  json?: JsonProblem | undefined;
  busy: boolean;
  onApply: () => void;
  onCancel: () => void;
}

const FORMAT_KEYS: Record<ImportPlan['format'], MessageKey> = {
  'stix-2.1': 'optFormatStix21',
  'stix-2.0': 'optFormatStix20',
  'misp-galaxy': 'optFormatMisp',
  unknown: 'optFormatUnknown',
};

export function ImportPreview({ name, plan, preview, json, busy, onApply, onCancel }: ImportPreviewProps) {
  const failed = preview.errors.length > 0;
  const names = new Map<string, string>();
  for (const e of preview.newEntities) names.set(e.id, e.name);
  for (const c of preview.updatedEntities) names.set(c.after.id, c.after.name);
  const linkText = (l: Link) => `${names.get(l.from) ?? l.from} — ${t(`relation_${l.relation.replace(/-/g, '_')}` as MessageKey)} — ${names.get(l.to) ?? l.to}`;
  // So that the tiles add up (7,165 in the file = 6,980 new + 180 updated + 5 …): the file's entities that change
  // nothing, being already there as they are or merged into another entry of the same file.
  const unchanged = Math.max(0, plan.entities.length - preview.newEntities.length - preview.updatedEntities.length);
  // A long run of one warning is listed as a few lines and a summary: the tiles give the true number.
  const warnings = issueTotal(preview.warnings);
  const errors = issueTotal(preview.errors);
  const skipped = plan.skipped.revoked + plan.skipped.deprecated + plan.skipped.unsupported + plan.skipped.orphaned;
  return (
    <section class={`card preview${failed ? ' preview-failed' : ''}`} aria-labelledby="preview-title">
      <h3 id="preview-title">{failed ? t('optPreviewFailedTitle', name) : t('optPreviewTitle', name)}</h3>
      <p class="muted">
        {json ? t(json.incomplete ? 'optFormatJsonIncomplete' : 'optFormatJsonInvalid') : t(FORMAT_KEYS[plan.format])}
        {!failed && ` · ${t('optInFile', [plan.entities.length.toLocaleString(), plan.links.length.toLocaleString()])}`}
      </p>
      {failed ? (
        <>
          <p class="notice bad" role="alert">
            {t('optPreviewRefused')}
          </p>
          <ImportErrors issues={preview.errors} caption={t('optErrorsCaption', String(errors))} />
        </>
      ) : (
        <>
          <p class="notice">{t('optPreviewNothingYet')}</p>
          {/* Nothing proves who made a file: one that names ActorLens as its creator is trusted as the reader's own
              export (notes restored as their annotations, aliases kept), so the reader is told before applying it. */}
          {plan.settledAliases && <p class="notice warn own-export">{t('optPreviewOwnExport')}</p>}
          <dl class="counts">
            <CountTile id="inFile" label={t('optCountInFile')} value={plan.entities.length} />
            <CountTile id="newEntities" label={t('optCountNewEntities')} value={preview.newEntities.length} tone="new" />
            <CountTile id="updatedEntities" label={t('optCountUpdatedEntities')} value={preview.updatedEntities.length} />
            <CountTile id="unchangedEntities" label={t('optCountUnchangedEntities')} value={unchanged} />
            <CountTile id="conflicts" label={t('optCountConflicts')} value={preview.conflicts.length} tone={preview.conflicts.length ? 'warn' : undefined} />
            <CountTile id="newLinks" label={t('optCountNewLinks')} value={preview.newLinks.length} tone="new" />
            <CountTile id="updatedLinks" label={t('optCountUpdatedLinks')} value={preview.updatedLinks.length} />
            <CountTile id="newClaims" label={t('optCountNewClaims')} value={preview.newClaims.length} />
            {preview.removedClaims.length > 0 && <CountTile id="removedClaims" label={t('optCountRemovedClaims')} value={preview.removedClaims.length} tone="warn" />}
            <CountTile id="warnings" label={t('optCountWarnings')} value={warnings} tone={warnings ? 'warn' : undefined} />
          </dl>
          {skipped > 0 && (
            <p class="muted">
              {t('optSkipped', [String(plan.skipped.revoked), String(plan.skipped.deprecated), String(plan.skipped.unsupported), String(plan.skipped.orphaned)])}
            </p>
          )}
          <NameList summary={t('optListNewEntities', String(preview.newEntities.length))} names={preview.newEntities.map((e) => e.name)} />
          <NameList
            summary={t('optListUpdatedEntities', String(preview.updatedEntities.length))}
            names={preview.updatedEntities.map((c) => {
              const added = c.after.aliases.length - c.before.aliases.length;
              return added > 0 ? t('optUpdatedWithAliases', [c.after.name, String(added)]) : c.after.name;
            })}
          />
          <NameList summary={t('optListConflicts', String(preview.conflicts.length))} names={preview.conflicts.map((c) => c.message)} />
          <NameList summary={t('optListNewLinks', String(preview.newLinks.length))} names={preview.newLinks.map(linkText)} />
          <NameList summary={t('optListRemovedClaims', String(preview.removedClaims.length))} names={preview.removedClaims.map((c) => c.source.title)} />
          {preview.warnings.length > 0 && (
            <details class="name-list">
              <summary>{t('optListWarnings', String(warnings))}</summary>
              <ImportErrors issues={preview.warnings} caption={t('optWarningsCaption')} />
            </details>
          )}
        </>
      )}
      <div class="actions">
        <button type="button" class="button" onClick={onCancel} disabled={busy}>
          {failed ? t('optClose') : t('optCancel')}
        </button>
        {!failed && (
          <button type="button" class="button primary" onClick={onApply} disabled={busy}>
            {busy ? t('optStepApplying') : t('optApplyImport')}
          </button>
        )}
      </div>
    </section>
  );
}
