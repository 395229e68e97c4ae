/** Meta: every string key used in code and in the manifest exists in _locales/en/messages.json. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import messages from '../../../assets/_locales/en/messages.json';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(d.name) ? [p] : [];
  });
}

const keys = new Set(Object.keys(messages));

describe('locales', () => {
  it('has every key that code passes to t() literally', () => {
    const missing: string[] = [];
    for (const file of sources(path.join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_-]+)'/g)) if (!keys.has(m[1]!)) missing.push(`${path.relative(ROOT, file)}: ${m[1]}`);
      // Dynamic keys are written as t(`prefix_${…}`): every prefix must have at least one key.
      for (const m of text.matchAll(/\bt\(\s*`([A-Za-z0-9]+_)\$\{/g)) if (![...keys].some((k) => k.startsWith(m[1]!))) missing.push(`${path.relative(ROOT, file)}: ${m[1]}*`);
    }
    expect(missing).toEqual([]);
  });

  it('has every __MSG_…__ key the manifest uses', () => {
    const manifest = readFileSync(path.join(ROOT, 'manifest.json'), 'utf8');
    const used = [...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(used.filter((k) => !keys.has(k))).toEqual([]);
  });

  it('uses only key names browsers accept', () => {
    expect([...keys].filter((k) => !/^[A-Za-z0-9_]+$/.test(k))).toEqual([]);
  });

  it('has a message for every relation, status, kind and confidence word', async () => {
    const { RELATIONS, LINK_STATUSES } = await import('../../../src/core/model/link');
    const { ENTITY_KINDS } = await import('../../../src/core/model/entity');
    const { ICD203 } = await import('../../../src/core/model/confidence');
    const needed = [
      ...RELATIONS.map((r) => `relation_${r.replace(/-/g, '_')}`),
      ...LINK_STATUSES.map((s) => `status_${s}`),
      ...ENTITY_KINDS.map((k) => `kind_${k}`),
      ...ICD203.map((b) => `confidence_${b.key}`),
    ];
    expect(needed.filter((k) => !keys.has(k))).toEqual([]);
  });

  it('describes every message for translators', () => {
    const bad = Object.entries(messages).filter(([, v]) => !(v as { description?: string }).description);
    expect(bad.map(([k]) => k)).toEqual([]);
  });
});
