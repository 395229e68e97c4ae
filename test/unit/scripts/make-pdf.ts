/**
 * A minimal PDF writer for the scan tests: pages of text lines in Helvetica (one `Tj` per line, as word processors
 * write them), pages with only a drawn shape (a scan has images, not text), and optionally the standard security
 * handler (RC4, revision 2) with a user password, so the file really cannot be opened without it.
 */
import { createHash } from 'node:crypto';

/** A line of text; '' leaves a blank line (a paragraph break). */
export interface PdfLine {
  text: string;
  size?: number;
  /** Its baseline from the page's bottom (a footer); the lines after it go on below it. */
  y?: number;
}

export interface PdfOptions {
  /** A user password: the file is encrypted and needs it to be opened. */
  userPassword?: string;
}

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);
const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

/** The bytes of a PDF with these pages (each a list of lines, top to bottom, on a US Letter page). */
export function makePdf(pages: (string | PdfLine)[][], opts: PdfOptions = {}): Buffer {
  const objects: Buffer[] = [];
  const streams = new Set<number>();
  const add = (body: string | Buffer, stream = false) => {
    objects.push(Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'));
    if (stream) streams.add(objects.length);
    return objects.length;
  };
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // the page tree, once the pages are known
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const lines of pages) {
    let ops = '';
    if (lines.length) {
      let y = 740;
      ops += 'BT\n';
      for (const l of lines) {
        const line = typeof l === 'string' ? { text: l } : l;
        const size = line.size ?? 11;
        if (line.y !== undefined) y = line.y;
        if (line.text) ops += `/F1 ${size} Tf 1 0 0 1 72 ${y} Tm (${escape(line.text)}) Tj\n`;
        y -= Math.round(size * 1.3);
      }
      ops += 'ET\n';
    } else {
      // a grey box where a scanned page would have its picture
      ops += '0.5 g 72 72 468 648 re f\n';
    }
    const content = add(ops, true);
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');

  const id = md5(Buffer.from(`actorlens-test-${pages.length}`));
  let key: Buffer | undefined;
  let encrypt = '';
  if (opts.userPassword !== undefined) {
    // Standard security handler, revision 2 (PDF 1.7, 7.6.3.3–7.6.3.4): the owner password is the user's here.
    const p = -4;
    const o = rc4(md5(padded(opts.userPassword)).subarray(0, 5), padded(opts.userPassword));
    const pBytes = Buffer.alloc(4);
    pBytes.writeInt32LE(p);
    key = md5(padded(opts.userPassword), o, pBytes, id).subarray(0, 5);
    const u = rc4(key, PAD);
    encrypt = `<< /Filter /Standard /V 1 /R 2 /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P ${p} >>`;
  }

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]!.length;
  const push = (b: Buffer) => {
    chunks.push(b);
    length += b.length;
  };
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const num = i + 1;
    offsets.push(length);
    if (streams.has(num)) {
      let data = body;
      if (key) {
        const n = Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0]);
        data = rc4(md5(key, n).subarray(0, 10), data);
      }
      push(Buffer.concat([Buffer.from(`${num} 0 obj\n<< /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream\nendobj\n', 'latin1')]));
    } else push(Buffer.concat([Buffer.from(`${num} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]));
  });
  let encryptRef = '';
  if (encrypt) {
    offsets.push(length);
    push(Buffer.from(`${offsets.length} 0 obj\n${encrypt}\nendobj\n`, 'latin1'));
    encryptRef = ` /Encrypt ${offsets.length} 0 R`;
  }
  const xref = length;
  push(
    Buffer.from(
      `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}` +
        `trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R${encryptRef} /ID [<${id.toString('hex')}> <${id.toString('hex')}>] >>\nstartxref\n${xref}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(chunks);
}
