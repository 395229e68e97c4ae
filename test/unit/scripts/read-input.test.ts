/** How `npm run scan` reads an input: the encoding a browser would choose, the size limit, and every failure named. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { looksLikeHtml } from '../../../scripts/lib/html-to-text';
import { JsonArrayWriter, jsonPieces } from '../../../scripts/lib/json-stream';
import { checkSize, decodeDocument, InputError, readFileBounded, readInput, sniffHtmlCharset } from '../../../scripts/lib/read-input';

const dir = mkdtempSync(path.join(tmpdir(), 'actorlens-read-'));
const latin1 = (s: string) => Buffer.from(s, 'latin1');

describe('sniffHtmlCharset (WHATWG prescan of the first 1024 bytes)', () => {
  it('finds <meta charset> and http-equiv Content-Type, as a browser does', () => {
    expect(sniffHtmlCharset(latin1('<html><head><meta charset="iso-8859-1"></head>'))).toBe('windows-1252');
    expect(sniffHtmlCharset(latin1("<META CHARSET=ISO-8859-2 >"))).toBe('iso-8859-2');
    expect(sniffHtmlCharset(latin1('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'))).toBe('shift_jis');
    expect(sniffHtmlCharset(latin1("<meta content='text/html;charset=koi8-r' http-equiv=content-type />"))).toBe('koi8-r');
  });

  it('ignores what a browser ignores', () => {
    // content without the http-equiv pragma
    expect(sniffHtmlCharset(latin1('<meta content="text/html; charset=koi8-r">'))).toBeUndefined();
    // in a comment, in another tag's attribute, unknown labels, after 1024 bytes
    expect(sniffHtmlCharset(latin1('<!-- <meta charset="koi8-r"> --><p>'))).toBeUndefined();
    expect(sniffHtmlCharset(latin1('<div title="<meta charset=koi8-r>">x</div>'))).toBeUndefined();
    expect(sniffHtmlCharset(latin1('<meta charset="no-such-thing"><meta charset="koi8-r">'))).toBe('koi8-r');
    expect(sniffHtmlCharset(latin1(`<p>${'x'.repeat(1024)}<meta charset="koi8-r">`))).toBeUndefined();
    // a document that declares UTF-16 in ASCII bytes is not UTF-16
    expect(sniffHtmlCharset(latin1('<meta charset="utf-16le">'))).toBe('utf-8');
  });

  it('takes x-user-defined for windows-1252, and hands back the labels it passed over', () => {
    expect(sniffHtmlCharset(latin1('<meta charset="x-user-defined">'))).toBe('windows-1252');
    const unknown: string[] = [];
    expect(sniffHtmlCharset(latin1('<meta charset="x-klingon"><meta http-equiv="content-type" content="text/html; charset=iso-2022-kr">'), unknown)).toBeUndefined();
    expect(unknown).toEqual(['x-klingon', 'iso-2022-kr']);
  });
});

describe('decoding pages in the encodings reports still come in', () => {
  // [charset, text, the text's bytes in that charset (Node has decoders for these, but no encoders)]
  it.each([
    ['shift_jis', 'ラザルス・グループ (Lazarus Group) が北朝鮮の攻撃を行った', '83898355838b83588145834f838b815b837620284c617a617275732047726f7570292082aa966b92a9914e82cc8d558c8282f08d7382c182bd'],
    ['gbk', '拉撒路组织 (Lazarus Group) 发起了攻击', 'c0adc8f6c2b7d7e9d6af20284c617a617275732047726f75702920b7a2c6f0c1cbb9a5bbf7'],
    ['koi8-r', 'Группа Lazarus Group атаковала банки', 'e7d2d5d0d0c1204c617a617275732047726f757020c1d4c1cbcfd7c1ccc120c2c1cecbc9'],
    ['windows-1252', 'Café Kitten — “Charming Kitten” attacks', '436166e9204b697474656e20972093436861726d696e67204b697474656e942061747461636b73'],
    ['euc-kr', '라자루스 그룹 (Lazarus Group) 공격', 'b6f3c0dab7e7bdba20b1d7b7ec20284c617a617275732047726f75702920b0f8b0dd'],
  ])('%s, by its <meta>, and by a server\'s charset', (charset, text, hex) => {
    const doc = Buffer.concat([Buffer.from(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"></head><body><p>`), Buffer.from(hex, 'hex'), Buffer.from('</p></body></html>')]);
    expect(decodeDocument(doc, 'page.html', { nameHint: 'page.html' })).toMatchObject({ html: true, notes: [] });
    expect(decodeDocument(doc, 'page.html', { nameHint: 'page.html' }).text).toContain(`<p>${text}</p>`);
    expect(decodeDocument(Buffer.from(hex, 'hex'), 'http://x/', { charset, html: false }).text).toBe(text);
  });
});

describe('decodeDocument', () => {
  it('reads an HTML file by its <meta charset>', () => {
    const r = decodeDocument(latin1('<html><head><meta charset="iso-8859-1"></head><body><p>The Asnar\xf6k campaign</p>'), 'a.html', { nameHint: 'a.html' });
    expect(r.text).toContain('Asnarök');
    expect(r.html).toBe(true);
    expect(r.notes).toEqual([]);
  });

  it('reads a text file that is not UTF-8 as windows-1252, and says so', () => {
    const r = decodeDocument(latin1('The Asnar\xf6k campaign \x93quoted\x94'), 'a.txt', { nameHint: 'a.txt' });
    expect(r.text).toBe('The Asnarök campaign “quoted”');
    expect(r.notes).toEqual([expect.stringMatching(/a\.txt: not valid UTF-8 .*windows-1252/)]);
    expect(decodeDocument(latin1('<meta charset=iso-8859-1><p>\x80 \x96 \x81'), 'c.html', { nameHint: 'c.html' }).text).toContain('€ – \u0081');
    expect(decodeDocument(Buffer.from('The Asnarök campaign'), 'b.txt', { nameHint: 'b.txt' })).toMatchObject({ text: 'The Asnarök campaign', notes: [] });
  });

  it('lets a byte-order mark, then a server charset, win over a <meta>', () => {
    const page = '<meta charset="iso-8859-2"><p>Asnar\xf6k</p>';
    expect(decodeDocument(latin1(page), 'u', { charset: 'windows-1252', html: true }).text).toContain('Asnarök');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<meta charset="iso-8859-2"><p>Asnarök</p>')]);
    expect(decodeDocument(bom, 'u', { charset: 'iso-8859-2', html: true }).text).toBe('<meta charset="iso-8859-2"><p>Asnarök</p>');
  });

  it('says when a page declared UTF-8 and is not, and when its charset is unknown', () => {
    expect(decodeDocument(latin1('Asnar\xf6k'), 'u', { charset: 'utf-8' }).notes).toEqual([expect.stringMatching(/declared UTF-8 but not valid/)]);
    const r = decodeDocument(latin1('Asnar\xf6k'), 'u', { charset: 'x-nonsense' });
    expect(r.text).toBe('Asnarök');
    expect(r.notes[0]).toMatch(/"x-nonsense" is not one this Node can decode/);
  });

  it('says when a <meta> names a charset it cannot decode, rather than that none was declared', () => {
    expect(decodeDocument(latin1('<meta charset="iso-2022-kr"><p>Asnar\xf6k'), 'k.html', { nameHint: 'k.html' }).notes).toEqual([
      'k.html: the <meta> charset "iso-2022-kr" is not one this Node can decode; ignored',
      'k.html: not valid UTF-8 and no usable charset declared; read as windows-1252',
    ]);
    // what a browser does with x-user-defined in a <meta>: windows-1252, even for bytes that are valid UTF-8
    expect(decodeDocument(Buffer.from('<meta charset="x-user-defined"><p>Asnarök'), 'x.html', { nameHint: 'x.html' })).toMatchObject({ text: '<meta charset="x-user-defined"><p>AsnarÃ¶k', notes: [] });
  });

  it('reads line breaks as a browser does: CR LF and a lone CR are LF, so a blank line stays a paragraph break', () => {
    expect(decodeDocument(Buffer.from('Lazarus\r\n\r\nGroup activity\rwas seen\r\n'), 'w.txt', { nameHint: 'w.txt' }).text).toBe('Lazarus\n\nGroup activity\nwas seen\n');
    const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\r\n\r\nb', 'utf16le')]);
    expect(decodeDocument(u16, 'w.txt', { nameHint: 'w.txt' }).text).toBe('a\n\nb');
  });

  it('refuses a PDF, even one with no binary byte near its start', () => {
    const pdf = latin1('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n4 0 obj\n<< /Length 40 >>\nstream\nBT (Lazarus Group deployed TrickBot) Tj ET\nendstream\n');
    expect(() => decodeDocument(pdf, 'report.pdf', { nameHint: 'report.pdf' })).toThrow(new InputError('report.pdf is not a text or HTML document (a PDF: extract its text first)'));
  });

  it('takes an unnamed or untyped document for HTML when it starts as browsers sniff HTML', () => {
    for (const start of ['<!-- saved from url=(0042)https://example.org/ -->\n<html>', '  <!DOCTYPE html>', '<table border=1>', '<b>Note</b>', '<html\nlang=en>', '<!--[if IE]>'])
      expect(looksLikeHtml(start), start).toBe(true);
    for (const start of ['<bold>', 'Lazarus <p>', '<?xml version="1.0"?>', '<meta charset=utf-8>']) expect(looksLikeHtml(start), start).toBe(false);
    expect(looksLikeHtml('<!-- x --><p>', 'notes.txt')).toBe(false);
  });
});

describe('input size and unreadable inputs', () => {
  it('refuses a file over the limit from its size, before reading it', () => {
    const f = path.join(dir, 'big.txt');
    writeFileSync(f, 'Lazarus Group '.repeat(100));
    expect(() => readFileBounded(f, 'big.txt', 1000)).toThrow(new InputError('big.txt is too large to scan (1400 bytes; the limit is 1000 bytes)'));
    expect(readFileBounded(f, 'big.txt', 1400).length).toBe(1400);
    expect(() => checkSize('huge.txt', 560 * 1024 * 1024)).toThrow(new InputError('huge.txt is too large to scan (560 MiB; the limit is 100 MiB)'));
    expect(() => checkSize('ok.txt', 100 * 1024 * 1024)).not.toThrow();
  });

  it('says the size in bytes when its rounded figure is the limit\'s', () => {
    const MiB = 1024 * 1024;
    const refusal = (bytes: number, max: number) => {
      try {
        checkSize('f.json', bytes, max);
      } catch (e) {
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(refusal(50 * MiB + 1, 50 * MiB)).toBe('f.json is too large to scan (52428801 bytes; the limit is 52428800 bytes, 50 MiB)');
    expect(refusal(Math.round(50.4 * MiB), 50 * MiB)).toBe('f.json is too large to scan (52848230 bytes; the limit is 52428800 bytes, 50 MiB)');
    expect(refusal(51 * MiB, 50 * MiB)).toBe('f.json is too large to scan (51 MiB; the limit is 50 MiB)');
    // Either side of the change of precision at 10 MiB: "10 MiB" and "10.0 MiB" are the same figure.
    expect(refusal(10 * MiB + 1, 10 * MiB - 1)).toBe('f.json is too large to scan (10485761 bytes; the limit is 10485759 bytes, 10.0 MiB)');
    expect(refusal(5 * MiB + 1, 5 * MiB)).toBe('f.json is too large to scan (5242881 bytes; the limit is 5242880 bytes, 5.0 MiB)');
    expect(refusal(1001, 1000)).toBe('f.json is too large to scan (1001 bytes; the limit is 1000 bytes)');
  });

  it('refuses a pipe or device once past the limit', () => {
    expect(() => readFileBounded('/dev/zero', '/dev/zero', 4096)).toThrow(/too large to scan \(over the/);
  });

  it('turns file: addresses Node cannot map, and files over the limit, into input errors', async () => {
    await expect(readInput('file://example.com/etc/passwd')).rejects.toThrow(new InputError('cannot read file://example.com/etc/passwd: File URL host must be "localhost" or empty on linux'));
    await expect(readInput('file:///tmp/a%2Fb')).rejects.toBeInstanceOf(InputError);
    const f = path.join(dir, 'report.txt');
    writeFileSync(f, 'x'.repeat(2000));
    await expect(readInput(f, { maxBytes: 1000 })).rejects.toBeInstanceOf(InputError);
    await expect(readInput(`file://${f}`)).resolves.toMatchObject({ html: false, notes: [] });
  });
});

describe('addresses that fail', () => {
  let server: Server;
  let base = '';
  const sockets = new Set<Socket>();
  const raw = createTcpServer((socket) => {
    sockets.add(socket);
    socket.end('HELLO, THIS IS NOT HTTP\r\n\r\n');
  });
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
      if (req.url === '/to-file') return void res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      if (req.url === '/silent') return; // never answers
      if (req.url === '/stalls') return void res.writeHead(200, { 'content-type': 'text/html' }).write('<p>Lazarus');
      if (req.url === '/reset') return void req.socket.destroy();
      if (req.url === '/bad-gzip') return void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end('not gzip');
      res.writeHead(404).end('gone');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((r) => server.close(() => r()));
    await new Promise<void>((r) => raw.close(() => r()));
  });

  it('says why in words, with the code', async () => {
    const why = async (src: string) => (await readInput(src, { timeoutMs: 500 }).then(() => 'read', (e: Error) => (e instanceof InputError ? e.message : `not an InputError: ${e.message}`))).replace(src, 'URL');
    expect(await why(`${base}/gone`)).toBe('cannot fetch URL: HTTP 404');
    expect(await why(`${base}/loop`)).toBe('cannot fetch URL: too many redirects (a redirect loop?)');
    expect(await why(`${base}/to-file`)).toBe('cannot fetch URL: redirected to an address that is not http(s)');
    expect(await why(`${base}/silent`)).toBe('cannot fetch URL: no answer within 0.5 s');
    expect(await why(`${base}/stalls`)).toBe('cannot fetch URL: the page did not finish arriving within 0.5 s');
    expect(await why(`${base}/reset`)).toMatch(/^cannot fetch URL: the server closed the connection \((UND_ERR_SOCKET|ECONNRESET)\)$/);
    expect(await why(`${base}/bad-gzip`)).toMatch(/^cannot fetch URL: the body is not in the Content-Encoding it declares \(Z_/);
    expect(await why(`http://127.0.0.1:${(raw.address() as { port: number }).port}/`)).toMatch(/^cannot fetch URL: the answer is not HTTP \(HPE_/);
    expect(await why('http://[::1')).toBe('cannot fetch URL: not a valid address (ERR_INVALID_URL)');
  });
});

describe('JsonArrayWriter', () => {
  const doc = (n: number) => ({
    source: `r${n}.html`,
    chars: n,
    skipped: undefined,
    entities: [{ name: 'Asnarök "x"\n', aliases: { a: 1 }, reasons: {}, tags: [] }],
    links: [],
    matches: Array.from({ length: n }, (_, i) => ({ start: i, end: i + 1, text: 'L\u2028', cue: undefined, nested: [[1, null], {}] })),
  });

  async function written(docs: unknown[]): Promise<{ text: string; pieces: string[] }> {
    const pieces: string[] = [];
    const w = new JsonArrayWriter({ write: (c: string) => (pieces.push(c), true), once: () => undefined }, { dictionary: { entities: 7 } }, 'documents');
    for (const d of docs) await w.add(d);
    await w.end();
    return { text: pieces.join(''), pieces };
  }

  it('writes exactly what console.log(JSON.stringify(…, null, 2)) prints', async () => {
    for (const docs of [[], [doc(0)], [doc(3), { source: 'gone.txt', error: 'cannot read gone.txt: ENOENT' }, doc(1)]]) {
      expect((await written(docs)).text).toBe(`${JSON.stringify({ dictionary: { entities: 7 }, documents: docs }, null, 2)}\n`);
    }
    const value = { a: [1, [2, { b: undefined, c: () => 1 }], undefined, new Date(0)], d: {} };
    expect([...jsonPieces(value)].join('')).toBe(JSON.stringify(value, null, 2));
  });

  it('never builds one string for a document with many matches', async () => {
    const { text, pieces } = await written([doc(20_000)]);
    expect(text.length).toBeGreaterThan(4_000_000);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(70_000);
  });
});
