/** `npm run scan` on Markdown reports: read as a reader sees them rendered, not as the characters of the source. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToText } from '../../../scripts/lib/html-to-text';
import { readInput } from '../../../scripts/lib/read-input';
import { counts, scan } from './run-scan';

const dir = mkdtempSync(path.join(tmpdir(), 'actorlens-scan-md-'));

const REPORT_MD = `# Lazarus Group: spring activity

The operators reused [servers first seen with TrickBot](https://intel.example/dridex/trickbot-c2 "Emotet notes")
and a loader sold by the Wizard
Spider crew.

![Emotet dropper, screenshot](img/emotet-dropper.png)

Analysts ran \`Dridex --probe\` against the sample.

\`\`\`
rule cobalt_strike { strings: $a = "Cobalt Strike beacon" }
\`\`\`

    TA505 indented code is code too

## Tools of the Wizard
Spider affiliates are listed below.

<b onclick="alert(1)">TrickBot</b>
`;

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/report') return void res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' }).end(REPORT_MD);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('npm run scan on Markdown', () => {
  it('reads link text but not addresses, titles or images, skips code, and keeps a heading apart from the next line', async () => {
    const md = path.join(dir, 'report.md');
    writeFileSync(md, REPORT_MD);
    const { code, docs } = await scan([md, `${base}/report`]);
    expect(code).toBe(0);
    // Lazarus Group in the heading; TrickBot in the link text and in the raw tag shown as text; Wizard Spider once,
    // wrapped in a paragraph (the heading "…of the Wizard" ends before "Spider affiliates"). Not read: the link's
    // title and the image (Emotet), inline code (Dridex), the fenced and indented code (Cobalt Strike, TA505). Read
    // as a .txt, the same file names Emotet, Dridex and TA505, and Wizard Spider twice.
    const expected = { 'Lazarus Group': 1, TrickBot: 2, 'Wizard Spider': 1 };
    expect(counts(docs[0])).toEqual(expected);
    // an address served as text/markdown too
    expect(counts(docs[1])).toEqual(expected);
    // the link's address is not prose either (the matcher passes over names in addresses anyway)
    expect(htmlToText((await readInput(md)).text)).not.toMatch(/intel\.example|emotet-dropper/);
  });

  it('shows raw HTML as the text it is (markdown-it\'s safe default), never as markup', async () => {
    const md = path.join(dir, 'raw.markdown');
    writeFileSync(md, 'Before <script>document.title = "x"</script> after <img src=x onerror="alert(1)">.\n');
    const read = await readInput(md);
    expect(read.html).toBe(true);
    expect(htmlToText(read.text)).toBe('Before <script>document.title = "x"</script> after <img src=x onerror="alert(1)">.');
  });
});
