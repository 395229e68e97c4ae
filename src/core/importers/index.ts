/**
 * Import entry points. detectAndParse() takes the text of a user-chosen file and returns an ImportPlan
 * (never throws for bad input: problems are in plan.errors / plan.warnings). Apply it with
 * applyImport() from src/core/db/import-export.ts; a plan with any error is refused whole.
 */
import { looksLikeMispGalaxy, parseMispGalaxy } from './misp';
import { mispExportAsGalaxy, mispExportClusters, placeIssue } from './misp-export';
import { isObject, own, parseJsonText } from './sanitize';
import { parseStixBundle, type ParseOptions } from './stix';
import { emptyPlan, ImportError, type ImportPlan } from './types';

export * from './types';
export { parseStixBundle, type ParseOptions } from './stix';
export { parseMispGalaxy, MISP_GALAXY_KINDS } from './misp';
export { checkSize, parseJsonText, cleanName, cleanText, FORBIDDEN_KEYS } from './sanitize';
export { mapMispRelation, mapStixRelation, stixRelationFor } from './relations';

export function detectAndParse(text: string, fileName: string, options: ParseOptions = {}): ImportPlan {
  const parsed = parseJsonText(text, fileName);
  if (parsed.value === undefined) {
    const plan = emptyPlan('unknown', fileName, 'unknown');
    plan.errors.push(...parsed.errors);
    return plan;
  }
  const json = parsed.value;
  const opts = { ...options, treeChecked: true };
  if (isObject(json) && own(json, 'type') === 'bundle') return parseStixBundle(json, fileName, opts);
  if (looksLikeMispGalaxy(json)) return parseMispGalaxy(json, fileName, opts);
  const clusters = mispExportClusters(json);
  if (clusters) {
    const read = mispExportAsGalaxy(clusters);
    if ('problem' in read) {
      const plan = emptyPlan('misp-galaxy', fileName, 'misp');
      plan.errors.push(new ImportError({ file: fileName, path: read.path ?? '', field: read.field ?? 'type', message: read.problem }));
      return plan;
    }
    const plan = parseMispGalaxy(read.galaxy, fileName, { ...opts, instanceExport: true });
    plan.errors = plan.errors.map((e) => placeIssue(e, read.place));
    plan.warnings = plan.warnings.map((w) => placeIssue(w, read.place));
    return plan;
  }
  const plan = emptyPlan('unknown', fileName, 'unknown');
  const hint =
    isObject(json) && own(json, 'format') === 'actorlens-backup'
      ? 'This is an ActorLens backup: use "Restore backup" instead of import.'
      : isObject(json) && typeof own(json, 'type') === 'string' && typeof own(json, 'id') === 'string'
        ? 'This looks like a single STIX object; ActorLens imports STIX bundles ("type": "bundle").'
        : isObject(json) && (isObject(own(json, 'Event')) || isObject(own(json, 'response')))
          ? 'This looks like a MISP event: ActorLens imports MISP galaxy clusters (a misp-galaxy cluster file, or a MISP instance\'s export of a galaxy\'s clusters), not events.'
          : isObject(json) && typeof own(json, 'type') === 'string' && typeof own(json, 'name') === 'string' && own(json, 'values') !== undefined && !Array.isArray(own(json, 'values'))
            ? 'This looks like a MISP galaxy cluster file, but its "values" is not a list of clusters.'
            : isObject(json) && typeof own(json, 'type') === 'string' && typeof own(json, 'name') === 'string' && typeof own(json, 'uuid') === 'string' && own(json, 'values') === undefined
              ? 'This looks like a MISP galaxy cluster file without its "values" list of clusters.'
              : 'Unrecognised format: ActorLens imports STIX 2.0/2.1 bundles and MISP galaxy clusters (a misp-galaxy cluster file, or a MISP instance\'s export of a galaxy).';
  plan.errors.push(new ImportError({ file: fileName, path: '', field: '', message: hint }));
  return plan;
}
