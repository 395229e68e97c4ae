import { describe, expect, it } from 'vitest';
import { ImportError, emptyPlan } from '../../../src/core/importers/index';
import { contrast, textOn } from '../../../src/options/explorer/colors';
import { edgeOpacity, edgeWidth } from '../../../src/options/explorer/graph-style';
import { originPatternOf } from '../../../src/options/import/origin';
import { fromWire, toWire } from '../../../src/options/import/plan-wire';
import { fileNameOf, FEED_PRESETS, lastImportOf, reminderDue } from '../../../src/options/import/presets';
import type { ImportRecord } from '../../../src/core/db/import-export';
import { parseRoute, routeHash } from '../../../src/options/route';

describe('options helpers', () => {
  it('asks only for the origin of an https address', () => {
    expect(originPatternOf('https://raw.githubusercontent.com/MISP/misp-galaxy/main/clusters/threat-actor.json')).toBe('https://raw.githubusercontent.com/*');
    expect(originPatternOf('http://example.com/x.json')).toBeUndefined();
    expect(originPatternOf('not a url')).toBeUndefined();
    for (const p of FEED_PRESETS) expect(originPatternOf(p.url)).toBe('https://raw.githubusercontent.com/*');
    expect(fileNameOf('https://h.example/a/b/feed%20x.json')).toBe('feed x.json');
  });

  it("recognises a feed's import from a file by the feed the importer logged, not only by the preset's address", () => {
    const rec = (fileName: string, feed: string, at = '2026-11-20T00:00:00Z') => ({ id: `${fileName}:${at}`, fileName, feed, at }) as ImportRecord;
    const preset = (id: string) => FEED_PRESETS.find((p) => p.id === id)!;
    const log = [rec('my-copy.json', 'misp:threat-actor'), rec(preset('misp-tool').url, 'misp:tool'), rec('mobile-attack-18.1.json', 'attack'), rec('galaxy.json', 'misp:malpedia')];
    expect(lastImportOf(preset('misp-threat-actor'), log)?.fileName).toBe('my-copy.json');
    expect(lastImportOf(preset('misp-tool'), log)?.fileName).toBe(preset('misp-tool').url);
    expect(lastImportOf(preset('misp-ransomware'), log)).toBeUndefined();
    // ATT&CK Mobile and ICS are "attack" too, but not the Enterprise feed.
    expect(lastImportOf(preset('attack-enterprise'), log)).toBeUndefined();
    expect(lastImportOf(preset('attack-enterprise'), [rec('https://h.example/ics-attack.json', 'attack'), rec('enterprise-groups-software.json', 'attack')])?.fileName).toBe('enterprise-groups-software.json');
    expect(lastImportOf(preset('attack-enterprise'), [rec('attack.json', 'attack')])?.fileName).toBe('attack.json');
  });

  it('flags a feed update as due only when the reader asked for a reminder', () => {
    const now = new Date('2026-11-20T00:00:00Z');
    expect(reminderDue(undefined, undefined, now)).toBe(false);
    expect(reminderDue(0, '2020-01-01T00:00:00Z', now)).toBe(false);
    expect(reminderDue(7, undefined, now)).toBe(true);
    expect(reminderDue(7, '2026-11-15T00:00:00Z', now)).toBe(false);
    expect(reminderDue(7, '2026-11-13T00:00:00Z', now)).toBe(true);
  });

  it('keeps error locations across the worker boundary', () => {
    const plan = emptyPlan('misp-galaxy', 'f.json', 'misp:x');
    plan.errors.push(new ImportError({ file: 'f.json', path: 'values[3]', field: 'value', message: 'Bad name.' }));
    const back = fromWire(structuredClone(toWire(plan)));
    expect(back.errors[0]).toBeInstanceOf(ImportError);
    expect(back.errors[0]!.toIssue()).toEqual({ file: 'f.json', path: 'values[3]', field: 'value', message: 'Bad name.' });
  });

  it('reads and writes the section in the address fragment', () => {
    expect(parseRoute('')).toEqual({ section: 'data' });
    expect(parseRoute('#settings')).toEqual({ section: 'settings' });
    expect(parseRoute('#explorer/misp%3Aabc')).toEqual({ section: 'explorer', entity: 'misp:abc' });
    expect(routeHash({ section: 'explorer', entity: 'stix:intrusion-set--1' })).toBe('#explorer/stix%3Aintrusion-set--1');
  });

  it('draws confident links wider and more opaque, and picks readable text for highlight colours', () => {
    expect(edgeWidth(90)).toBeGreaterThan(edgeWidth(20));
    expect(edgeOpacity(90, 'active')).toBeGreaterThan(edgeOpacity(20, 'active'));
    expect(edgeWidth(undefined)).toBeLessThan(edgeWidth(50));
    for (const bg of ['#ffb3a7', '#a9d8ff', '#222266', '#000000', '#ffff00']) expect(contrast(bg, textOn(bg))).toBeGreaterThanOrEqual(4.5);
  });
});
