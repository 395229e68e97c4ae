/** `npm run scan` as a user runs it: on files of any encoding, on addresses, and with inputs that cannot be read. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { names, scan as run } from './run-scan';

const dir = mkdtempSync(path.join(tmpdir(), 'actorlens-scan-'));
const REPORT = 'Lazarus Group deployed TrickBot in the intrusion; the malware arrived by phishing.\n';
const scan = (...args: string[]) => run(args);

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/plain') return void res.writeHead(200, { 'content-type': 'text/plain' }).end(`<p>${REPORT}</p>`);
    if (req.url === '/latin1') return void res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' }).end(Buffer.from(`<p>Caf\xe9 report: ${REPORT}</p>`, 'latin1'));
    if (req.url === '/meta-latin1') return void res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.from(`<meta charset="iso-8859-1"><p>Asnar\xf6k hit again: ${REPORT}</p>`, 'latin1'));
    if (req.url === '/zip') return void res.writeHead(200, { 'content-type': 'application/zip' }).end(Buffer.from([0x50, 0x4b, 3, 4, 0]));
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('npm run scan', () => {
  it('reads UTF-16 files (as Windows saves reports) and UTF-8 alike', async () => {
    const u16 = path.join(dir, 'report-utf16.txt');
    writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REPORT, 'utf16le')]));
    const u8 = path.join(dir, 'report.txt');
    writeFileSync(u8, REPORT);
    const { code, docs } = await scan(u16, u8);
    expect(code).toBe(0);
    expect(names(docs[0])).toEqual(['Lazarus Group', 'TrickBot']);
    expect(names(docs[1])).toEqual(names(docs[0]));
  });

  it('joins a name wrapped over a Windows (CR LF) line break, as over a LF one', async () => {
    const crlf = path.join(dir, 'wrapped-crlf.txt');
    writeFileSync(crlf, 'The ransomware crew that analysts call Wizard\r\nSpider deployed TrickBot through phishing; the malware\r\nspread.\r\n');
    const { code, docs } = await scan(crlf);
    expect(code).toBe(0);
    expect(names(docs[0])).toEqual(['TrickBot', 'Wizard Spider']);
  });

  it('refuses binary input with a reason, still scans the other inputs, and exits 1', async () => {
    const bin = path.join(dir, 'tool.bin');
    writeFileSync(bin, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 'T'.charCodeAt(0)]));
    const good = path.join(dir, 'good.txt');
    writeFileSync(good, REPORT);
    const { code, docs, stderr } = await scan(bin, path.join(dir, 'missing.txt'), good);
    expect(code).toBe(1);
    expect(docs.map((d) => d.error ?? 'ok')).toEqual([expect.stringMatching(/not a text or HTML document/), expect.stringMatching(/ENOENT/), 'ok']);
    expect(names(docs[2])).toEqual(['Lazarus Group', 'TrickBot']);
    expect(stderr).toMatch(/missing\.txt: ENOENT/);
  });

  it('reads an address by its declared type and charset, and says why one cannot be read', async () => {
    const { code, docs } = await scan(`${base}/plain`, `${base}/latin1`, `${base}/zip`, `${base}/gone`, 'ftp://example.org/x.txt');
    expect(code).toBe(1);
    // text/plain is text, as a browser shows it, even when it starts with a tag
    expect(names(docs[0])).toEqual(['Lazarus Group', 'TrickBot']);
    expect(names(docs[1])).toEqual(['Lazarus Group', 'TrickBot']);
    expect(docs.slice(2).map((d) => d.error)).toEqual([
      expect.stringMatching(/application\/zip/),
      expect.stringMatching(/HTTP 404/),
      expect.stringMatching(/only http\(s\) addresses and files/),
    ]);
  });

  it('keeps the other results when a file: address cannot be mapped to a path, and prints the documented JSON layout', async () => {
    const good = path.join(dir, 'good2.txt');
    writeFileSync(good, REPORT);
    const { code, docs, stderr, stdout } = await scan('file://example.com/etc/passwd', 'file:///tmp/a%2Fb', good, `file://${good}`);
    expect(code).toBe(1);
    expect(docs.map((d) => d.error ?? 'ok')).toEqual([expect.stringMatching(/File URL host/), expect.stringMatching(/encoded \/ characters/), 'ok', 'ok']);
    expect(names(docs[3])).toEqual(['Lazarus Group', 'TrickBot']);
    expect(stderr).not.toMatch(/at .*\(|TypeError/);
    // written piece by piece, yet byte for byte what JSON.stringify(…, null, 2) gives
    expect(stdout).toBe(`${JSON.stringify(JSON.parse(stdout), null, 2)}\n`);
  });

  it('reads Latin-1 text and HTML (by <meta charset>, also from a server), and a UTF-16 --import file', async () => {
    const feed = path.join(dir, 'feed-utf16.json');
    const galaxy = { type: 'threat-actor', name: 'x', values: [{ value: 'Asnarök', uuid: '00000000-0000-4000-8000-000000000002' }] };
    writeFileSync(feed, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(galaxy), 'utf16le')]));
    const txt = path.join(dir, 'asnarok-latin1.txt');
    writeFileSync(txt, Buffer.from('The Asnar\xf6k malware campaign hit Sophos firewalls; the Asnar\xf6k attackers used a zero-day.\n', 'latin1'));
    const html = path.join(dir, 'asnarok-latin1.html');
    writeFileSync(html, Buffer.from('<html><head><meta charset="iso-8859-1"></head><body><p>The Asnar\xf6k malware campaign hit Sophos firewalls; the Asnar\xf6k attackers used a zero-day.</p>', 'latin1'));
    const { code, docs, stderr } = await scan('--import', feed, txt, html, `${base}/meta-latin1`);
    expect(code).toBe(0);
    expect(docs.map(names)).toEqual([['Asnarök'], ['Asnarök'], ['Asnarök', 'Lazarus Group', 'TrickBot']]);
    // only the file that declares nothing is a guess, and said to be one
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/asnarok-latin1\.txt: not valid UTF-8 and no charset declared; read as windows-1252/)]);
  });

  it('lists a relation stated both ways (as feeds do) once, as the popup does', async () => {
    const a = '00000000-0000-4000-8000-00000000000a';
    const b = '00000000-0000-4000-8000-00000000000b';
    const cluster = (value: string, uuid: string, other: string, ref: string) => ({ value, uuid, meta: { refs: [ref] }, related: [{ 'dest-uuid': other, type: 'similar' }] });
    const galaxy = { type: 'threat-actor', name: 'x', values: [cluster('Quillfox Crew', a, b, 'https://one.example/q'), cluster('Marrowgate Team', b, a, 'https://two.example/m')] };
    const feed = path.join(dir, 'similar-both-ways.json');
    writeFileSync(feed, JSON.stringify(galaxy));
    const txt = path.join(dir, 'quillfox.txt');
    writeFileSync(txt, 'The Quillfox Crew threat actor sent phishing mail with a new backdoor; the malware beaconed to its C2.\n');
    const { code, stdout } = await scan('--import', feed, txt);
    expect(code).toBe(0);
    const links = (JSON.parse(stdout) as { documents: { links: { from: string; relation: string; to: string }[] }[] }).documents[0]!.links;
    const pair = links.filter((l) => [l.from, l.to].sort().join() === 'Marrowgate Team,Quillfox Crew');
    expect(pair).toHaveLength(1);
    expect(pair[0]!.relation).toBe('overlaps-with');
  });
});
