import { describe, expect, it } from 'vitest';
import { applyImport, previewImport } from '../../../src/core/db/import-export';
import { detectAndParse } from '../../../src/core/importers/index';
import { freshRepo } from '../importers/helpers';

const ACTOR = '00000a01-0000-4000-8000-000000000000';
const TOOL = '00000b01-0000-4000-8000-000000000000';
const tools = JSON.stringify({ type: 'tool', name: 'Tool', values: [{ value: 'OrbitDropper', uuid: TOOL, related: [{ 'dest-uuid': ACTOR, type: 'used-by' }] }] });
const actors = JSON.stringify({ type: 'threat-actor', name: 'Threat Actor', values: [{ value: 'Orbit Spider', uuid: ACTOR }] });

describe('MISP links into a galaxy not imported yet', () => {
  it('the preview says which links are skipped and that importing the file again after the other galaxy adds them', async () => {
    const repo = await freshRepo(false);
    const preview = await previewImport(repo, detectAndParse(tools, 'tool.json'));
    expect(preview.newLinks).toEqual([]);
    const perLink = preview.warnings.find((w) => w.path.startsWith('link '))!;
    expect(perLink.path).toContain('OrbitDropper');
    expect(perLink.message).toMatch(/another MISP galaxy not imported yet/);
    expect(preview.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/^1 link of tool\.json .*Import those galaxies, then import tool\.json again/));

    // What the message promises.
    await applyImport(repo, detectAndParse(tools, 'tool.json'));
    await applyImport(repo, detectAndParse(actors, 'threat-actor.json'));
    const again = await applyImport(repo, detectAndParse(tools, 'tool.json'));
    expect(again.record.counts.newLinks).toBe(1);
    expect(again.preview.warnings).toEqual([]);
  });
});
