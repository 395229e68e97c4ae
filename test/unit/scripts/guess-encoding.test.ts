/**
 * `npm run scan` on a page or file in a legacy encoding that declares none (no byte-order mark, no charset from the
 * server, no <meta>): the bytes say which (guess-encoding.ts), as browsers read them. Before, such a Shift_JIS, GBK or
 * KOI8-R report was read as windows-1252 and came out as mojibake. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { decodeAs, decodeDocument } from '../../../scripts/lib/read-input';

/**
 * Bytes of `text` in `label`, from the scanner's decoder read backwards (Node has decoders for these, no encoders): every
 * one- and two-byte sequence decoded once, the first sequence giving a character kept for it.
 */
function encode(label: string, text: string): Buffer {
  const table = new Map<string, number[]>();
  const add = (bytes: number[]) => {
    try {
      const ch = decodeAs(label, Uint8Array.from(bytes), true);
      if ([...ch].length === 1 && !table.has(ch)) table.set(ch, bytes);
    } catch {
      // not a whole character in this encoding
    }
  };
  for (let b = 0; b < 0x100; b++) add([b]);
  for (let lead = 0x81; lead < 0xff; lead++) for (let trail = 0x40; trail < 0xff; trail++) add([lead, trail]);
  return Buffer.from(
    [...text].flatMap((ch) => {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`${ch} has no bytes in ${label}`);
      return bytes;
    }),
  );
}

// [encoding written in, text, encoding read as: GB18030 is what a browser reads GBK bytes as too, its superset]
const PAGES: [string, string, string?][] = [
  ['shift_jis', '北朝鮮の攻撃グループ「ラザルス」は、マルウェアを使って暗号資産の交換所を攻撃した。この攻撃は現在も続いている。'],
  ['euc-jp', '北朝鮮の攻撃グループはマルウェアを使って暗号資産の交換所を攻撃した。この攻撃は現在も続いている。'],
  ['gbk', '研究人员发现，黑客组织利用新的恶意软件对银行发动网络攻击，攻击目前仍在继续。', 'gb18030'],
  ['big5', '研究人員發現，駭客組織利用新的惡意軟體對銀行發動網路攻擊，攻擊目前仍在繼續。'],
  ['euc-kr', '보안 연구원들은 해커 조직이 새로운 악성코드를 사용해 은행을 공격했다고 밝혔다. 공격은 계속되고 있다.'],
  ['koi8-r', 'Исследователи обнаружили, что хакерская группа использует новое вредоносное программное обеспечение против банков.'],
  ['windows-1251', 'Исследователи обнаружили, что хакерская группа использует новое вредоносное программное обеспечение против банков.'],
];

describe('an undeclared page in a legacy encoding', () => {
  it.each(PAGES)('in %s is read by what its bytes show, and the guess is said', (label, text, readAs = label) => {
    const page = Buffer.concat([Buffer.from('<html><head><title>report</title></head><body><p>'), encode(label, text), Buffer.from('</p></body></html>')]);
    const r = decodeDocument(page, 'report.html', { nameHint: 'report.html' });
    expect(r.text).toContain(`<p>${text}</p>`);
    expect(r.notes).toEqual([`report.html: not valid UTF-8 and no charset declared; read as ${readAs} (guessed from its bytes)`]);
    expect(decodeDocument(encode(label, text), 'report.txt', { nameHint: 'report.txt' }).text).toBe(text);
  });

  it('a Western page stays windows-1252, also when too short to tell', () => {
    for (const text of ['Le groupe a ciblé des entreprises françaises — déjà vu à Noël.', 'Die Gruppe griff Behörden an; „Lazarus“ wurde später genannt.', 'café']) {
      const r = decodeDocument(encode('windows-1252', text), 'w.txt', { nameHint: 'w.txt' });
      expect(r).toMatchObject({ text, notes: ['w.txt: not valid UTF-8 and no charset declared; read as windows-1252'] });
    }
  });

  it('what the page declares still wins over the guess', () => {
    const bytes = encode('shift_jis', '北朝鮮の攻撃グループはマルウェアを使った。');
    // a server's charset, however wrong, is what a browser uses too
    expect(decodeDocument(bytes, 'http://x/', { charset: 'windows-1252', html: false }).notes).toEqual([]);
    const declared = Buffer.concat([Buffer.from('<meta charset="shift_jis"><p>'), bytes]);
    expect(decodeDocument(declared, 'd.html', { nameHint: 'd.html' })).toMatchObject({ notes: [] });
  });
});
