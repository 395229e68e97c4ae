/**
 * What `npm run scan` writes to the terminal about an input never carries the input's control characters. A page's
 * <meta charset> label, a server's Content-Type or a PDF's running header reached stderr as they were: an escape
 * sequence in one recoloured the terminal or set its title, a direction override turned the rest of the line around.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from './run-scan';

const dir = mkdtempSync(path.join(tmpdir(), 'actorlens-term-'));

describe('scan messages on a hostile input', () => {
  it('show the input\'s control and direction characters escaped', async () => {
    const page = path.join(dir, 'label.html');
    writeFileSync(page, '<html><head><meta charset="x\u001b[31mred\u001b]0;owned\u0007\u202eevil"></head><body><p>APT29 used Mimikatz.</p></body></html>');
    const missing = path.join(dir, 'report\u202eatad.txt');
    const { code, stderr, docs } = await scan([page, missing]);
    expect(code).toBe(1);
    expect(docs[0]!.entities!.map((e) => e.name)).toEqual(['APT29', 'Mimikatz']);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/cannot read .*report\\u202eatad\.txt: ENOENT$/);
    // The label is read from bytes as a browser reads it (Latin-1 here), so the override arrives as "â", U+0080, "®".
    expect(lines[0]).toMatch(/charset "x\\u001b\[31mred\\u001b\]0;owned\\u0007â\\u0080®evil" is not one this Node can decode/);
    for (const line of lines) expect(line).not.toMatch(/[\p{Cc}\p{Cf}]/u);
  });
});
