// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CUT_OVERLAP, insideSkipped, isSkipped, locate, OWN_UI_ATTR, textChunks, type TextChunk } from '../../../src/content/extract';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const allText = (root: Node, max?: number) => [...textChunks(root, max)].map((c) => c.text);
/** A chunk's own text: without what it reads again of the chunks before and after a cut inside a block. */
const own = (c: TextChunk) => c.text.slice(c.ownFrom ?? 0, c.ownTo ?? c.text.length);
const ownEnd = (c: TextChunk) => c.ownTo ?? c.text.length;

describe('textChunks', () => {
  it('joins text across inline markup and breaks lines between blocks', () => {
    const body = page('<h1>Title</h1><p>Lazarus <b>Group</b> and <a href="#">Trick<i>Bot</i></a>.</p><div>Next block</div>');
    expect(allText(body)).toEqual(['Title\nLazarus Group and TrickBot.\nNext block']);
  });

  it('breaks a line at <br>; a line break in the source reads as the space it renders as', () => {
    const body = page('<p>Seen:<br>TrickBot<br/>Emotet and Wizard\n   Spider</p>');
    expect(allText(body)).toEqual(['Seen:\nTrickBot\nEmotet and Wizard    Spider']);
  });

  it('keeps the line breaks a post shows (pre-wrap, pre-line) after short lines; a long line wrapped by hand still joins the next', () => {
    const long = 'the crew that analysts have tracked for years as Wizard';
    const body = page(
      `<div style="white-space: pre-wrap">Actors:\nLazarus\nSilence\n${long}\nSpider</div>` +
        `<div style="white-space: pre-line">Equation\nTrickBot</div>` +
        `<div>Equation\nTrickBot</div>` +
        `<div style="white-space: pre-wrap"><b>A line begun in bold and going on past forty</b> letters, Wizard\nSpider</div>`,
    );
    expect(allText(body)).toEqual([`Actors:\nLazarus\nSilence\n${long} Spider\nEquation\nTrickBot\nEquation TrickBot\nA line begun in bold and going on past forty letters, Wizard Spider`]);
  });

  it('reads a <pre> that holds prose (a mail archive), joining its wrapped lines; skips one that holds code', () => {
    const message = 'We looked again at the loader. Its operators are the crew that analysts call Wizard\nSpider, and nothing in the samples points elsewhere.\n\nRegards, Alice, who has read many such messages before and will again.';
    const body = page(`<pre>${message}</pre><pre>rule X { strings: $a = "Wizard Spider" condition: all of them and $a and $a and $a and $a and $a }</pre><pre><code>${message}</code></pre>`);
    const text = allText(body).join('');
    expect(text).toContain('call Wizard Spider, and');
    expect(text).toContain('\n\nRegards');
    expect(text).not.toContain('rule X');
    expect(text.match(/We looked again/g)).toHaveLength(1);
  });

  it('a footnote mark does not glue onto a name', () => {
    const body = page('<p>Lazarus Group<sup><a href="#n1">1</a></sup> and TrickBot<sub>2</sub> were named.</p>');
    expect(allText(body)).toEqual(['Lazarus Group\n1\n and TrickBot\n2\n were named.']);
  });

  it('skips form fields, editable areas (and their descendants), code, scripts and our own UI', () => {
    const body = page(`
      <p id="a">keep one</p>
      <input value="no input"><textarea>no textarea</textarea><select><option>no option</option></select>
      <div contenteditable="true"><p>no draft <b>nested</b></p></div>
      <div contenteditable="plaintext-only">no plaintext</div>
      <div contenteditable="false">keep two</div>
      <pre>no pre</pre><p>keep <code>no code</code> three</p>
      <script>no script</script><style>.no{}</style><noscript>no noscript</noscript>
      <div ${OWN_UI_ATTR}>no ui</div>`);
    const text = allText(body).join('');
    expect(text).toContain('keep one');
    expect(text).toContain('keep two');
    expect(text).toContain('keep  three');
    expect(text).not.toMatch(/\bno\b/);
  });

  it('hands the elements skipped for an attribute to onSkipped (the scanner lets go of what it painted there), not those skipped by tag', () => {
    const body = page(`<p>keep</p><div id="ed" contenteditable="true"><p>draft</p></div><div id="ace" class="ace_editor">code</div><textarea>field</textarea><pre>pre</pre>`);
    const skipped: string[] = [];
    const text = [...textChunks(body, 1000, undefined, (el) => skipped.push(el.id))].map((c) => c.text).join('');
    expect(text).toBe('keep');
    expect(skipped).toEqual(['ed', 'ace']);
  });

  it('parts words where elements side by side are laid out apart (tag chips), not inside a word split by markup', () => {
    const body = page(
      '<div><span style="display:inline-block">Emotet</span><span style="display:inline-block">TrickBot</span></div>' +
        '<p><span style="display:block">Conti</span><span style="display:inline-block">Ryuk</span>Dridex</p>' +
        '<p>Trick<i>Bot</i> and <b>Lazarus</b><b> Group</b></p>',
    );
    expect(allText(body)).toEqual(['Emotet\nTrickBot\nConti\nRyuk\nDridex\nTrickBot and Lazarus Group']);
  });

  it('reads a headline split into letters for an animation (each letter an inline-block) as its words', () => {
    const letters = (word: string) => [...word].map((c) => `<span style="display:inline-block">${c}</span>`).join('');
    const words = (line: string) => line.split(' ').map((w) => `<span style="display:inline-block">${letters(w)}</span>`).join(' ');
    const body = page(`<h1>${words('Wizard Spider returns')}</h1><h2><span style="display:inline-block">Emotet</span><span style="display:inline-block">T</span></h2>`);
    // Letters of one word join; a whole word glued to a letter is still a chip apart.
    expect(allText(body)).toEqual(['Wizard Spider returns\nEmotet\nT']);
  });

  it('skips code editors that draw their text in plain elements (Ace, Monaco, CodeMirror) and ARIA text boxes', () => {
    const body = page(`
      <p>keep one</p>
      <div class="ace_editor ace-tm"><div class="ace_line">no ace</div></div>
      <div class="monaco-editor"><div class="view-line">no monaco</div></div>
      <div class="CodeMirror"><pre>no codemirror</pre><div>no cm div</div></div>
      <div role="textbox"><p>no textbox</p></div>
      <p class="ace_editorial">keep two</p>`);
    const text = allText(body).join('');
    expect(text).toContain('keep one');
    expect(text).toContain('keep two');
    expect(text).not.toMatch(/\bno\b/);
    expect(insideSkipped(body.querySelector('.ace_line')!.firstChild!)).toBe(true);
  });

  it('offers the shadow root of the root itself (a host added after load is read again as a root)', () => {
    const host = page('<div id="h"></div>').querySelector('#h')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>inside</p>';
    const offered: ShadowRoot[] = [];
    for (const chunk of textChunks(host, 1000, (r) => offered.push(r))) expect(chunk).toBeDefined();
    expect(offered).toEqual([shadow]);
  });

  it('cuts chunks only at block boundaries, once a chunk has reached the size', () => {
    const body = page('<p>aaaa <b>bbbb</b></p><p>cccc</p><p>dddd</p>');
    const chunks = allText(body, 5);
    expect(chunks).toEqual(['aaaa bbbb', 'cccc\ndddd']);
  });

  it('hands open shadow roots to the caller', () => {
    const body = page('<div id="host"></div><p>light</p>');
    const root = body.querySelector('#host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>inside</p>';
    const skipped = body.ownerDocument.createElement('div');
    body.querySelector('p')!.after(body.ownerDocument.createElement('textarea'));
    body.querySelector('textarea')!.append(skipped);
    skipped.attachShadow({ mode: 'open' }).innerHTML = '<p>in a skipped host</p>';
    const found: ShadowRoot[] = [];
    expect([...textChunks(body, 100, (r) => found.push(r))].map((c) => c.text)).toEqual(['light']);
    expect(found).toEqual([root]);
    expect(allText(root)).toEqual(['inside']);
  });
});

describe('locate', () => {
  it('maps chunk offsets back to text nodes, preferring the earlier node at a boundary for ends', () => {
    const body = page('<p>Lazarus <b>Group</b> here</p>');
    const [chunk] = [...textChunks(body)];
    const start = locate(chunk!, 0)!;
    expect(start.node.data).toBe('Lazarus ');
    expect(start.offset).toBe(0);
    const end = locate(chunk!, 'Lazarus Group'.length, true)!;
    expect(end.node.data).toBe('Group');
    expect(end.offset).toBe(5);
    const mid = locate(chunk!, 'Lazarus '.length)!;
    expect(mid.node.data).toBe('Group');
    expect(mid.offset).toBe(0);
  });
});

describe('skips', () => {
  it('isSkipped and insideSkipped see editable ancestors across shadow roots', () => {
    const body = page('<div contenteditable=""><span id="s">x</span></div><p id="p">y</p>');
    expect(isSkipped(body.querySelector('[contenteditable]')!)).toBe(true);
    expect(insideSkipped(body.querySelector('#s')!.firstChild!)).toBe(true);
    expect(insideSkipped(body.querySelector('#p')!.firstChild!)).toBe(false);
    const host = document.createElement('div');
    host.setAttribute('contenteditable', 'true');
    body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>z</p>';
    expect(insideSkipped(root.querySelector('p')!.firstChild!)).toBe(true);
  });
});

describe('long text nodes and plain-text documents', () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `Line ${i} says TrickBot reached host ${i}.`).join('\n');

  it('reads a text node longer than a chunk in pieces cut at line breaks, each offset mapping back into the node', () => {
    const body = page(`<p>before</p><div id="long"></div><p>after</p>`);
    const long = document.createTextNode(lines(400));
    document.getElementById('long')!.appendChild(long);
    const chunks = [...textChunks(body, 1000)];
    expect(chunks.length).toBeGreaterThan(10);
    // The pieces' own parts follow each other with nothing added between them (the node's line breaks read as spaces);
    // each piece reads on a little past its cut and the next starts a little before it.
    expect(chunks.map(own).join('')).toBe(`before\n${long.data.replace(/\n/g, ' ')}\nafter`);
    for (const c of chunks) {
      expect(own(c).length).toBeLessThanOrEqual(1000 + 'before\n'.length);
      expect(c.text.length).toBeLessThanOrEqual(own(c).length + 2 * CUT_OVERLAP);
      // Cut after a line break of the node, never inside a line.
      if (c !== chunks.at(-1)) {
        const end = locate(c, ownEnd(c), true)!;
        expect([end.node, end.node.data[end.offset - 1]]).toEqual([long, '\n']);
      }
      // A piece that stops inside the node says so (the scanner then lets go of the spots on that part only).
      expect(c.cutInLast === true).toBe(c !== chunks.at(-1) && c.nodes.at(-1) === long && locate(c, ownEnd(c), true)!.offset < long.length);
      for (let i = c.text.indexOf('TrickBot'); i >= 0; i = c.text.indexOf('TrickBot', i + 1)) {
        const start = locate(c, i)!;
        expect(start.node.data.slice(start.offset, start.offset + 8)).toBe('TrickBot');
      }
    }
  });

  it('cuts one huge block (every word in its own <span>) between sentences, never inside a name', () => {
    const sentence = (i: number) => `<span>Report</span> <span>${i}</span> <span>blames</span> <span>Lazarus</span> <span>Group.</span> `;
    const body = page(`<p>${Array.from({ length: 300 }, (_, i) => sentence(i)).join('')}</p>`);
    const chunks = [...textChunks(body, 500)];
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThan(8 * 500);
      expect(own(c)).not.toMatch(/Lazarus\s*$/);
      expect(own(c).trimStart()).toMatch(/^Report \d+ blames Lazarus Group\./);
    }
    expect(chunks.map(own).join('')).toBe(body.textContent);
  });

  it('in a plain-text document reads the <pre> and joins hand-wrapped lines, keeping offsets', () => {
    Object.defineProperty(document, 'contentType', { value: 'text/plain', configurable: true });
    try {
      const body = page('<pre>Attributed to Wizard\nSpider by analysts.\n\nNext paragraph.</pre>');
      const [chunk] = [...textChunks(body)];
      expect(chunk!.text).toBe('Attributed to Wizard Spider by analysts.\n\nNext paragraph.');
      expect(chunk!.text.length).toBe((body.firstChild!.firstChild as Text).length);
    } finally {
      delete (document as { contentType?: string }).contentType;
    }
    expect(allText(page('<pre>no pre</pre><p>keep</p>'))).toEqual(['keep']);
  });

  it('in a plain-text document longer than a chunk joins hand-wrapped lines in every piece, and across the cuts', () => {
    Object.defineProperty(document, 'contentType', { value: 'text/plain', configurable: true });
    try {
      // One paragraph wrapped by hand, no blank line: the pieces are cut after line breaks that are to be joined, and
      // a name runs over a break in every other line.
      const text = Array.from({ length: 200 }, (_, i) => `Note ${i}: the intrusion set known as Wizard\nSpider returned to the harbour.`).join('\n');
      const body = page('<pre></pre>');
      const node = document.createTextNode(text);
      body.firstChild!.appendChild(node);
      const chunks = [...textChunks(body, 500)];
      expect(chunks.length).toBeGreaterThan(10);
      expect(chunks.map(own).join('')).toBe(text.replace(/\n/g, ' '));
      for (const c of chunks.slice(0, -1)) {
        // Cut after a break (read as a space), at the offset in the node where the next piece starts.
        const end = locate(c, ownEnd(c), true)!;
        expect([end.node, node.data[end.offset - 1], own(c).at(-1)]).toEqual([node, '\n', ' ']);
      }
      expect(chunks.reduce((n, c) => n + (own(c).match(/Wizard Spider/g)?.length ?? 0), 0)).toBe(200);
    } finally {
      delete (document as { contentType?: string }).contentType;
    }
  });
});

describe("Chromium's XML viewer", () => {
  const viewer = (contentType: string) => {
    const doc = new DOMParser().parseFromString('<html xmlns="http://www.w3.org/1999/xhtml"><body></body></html>', contentType as DOMParserSupportedType);
    const body = doc.getElementsByTagName('body')[0]!;
    const source = doc.createElementNS('http://www.w3.org/1999/xhtml', 'div');
    source.id = 'webkit-xml-viewer-source-xml';
    source.textContent = 'Source copy: Lazarus Group';
    const tree = doc.createElementNS('http://www.w3.org/1999/xhtml', 'div');
    tree.textContent = 'Tree: Lazarus Group';
    body.append(source, tree);
    return { doc, body, source };
  };

  it('reads the tree the reader sees, not the hidden source copy, in an XML document', () => {
    const { doc, body, source } = viewer('application/xml');
    expect(doc.contentType).not.toContain('html');
    expect(allText(body)).toEqual(['Tree: Lazarus Group']);
    expect(insideSkipped(source.firstChild!)).toBe(true);
  });

  it('reads an element of that id in an HTML page', () => {
    const body = page('<div id="webkit-xml-viewer-source-xml">Source copy: Lazarus Group</div>');
    expect(allText(body)).toEqual(['Source copy: Lazarus Group']);
  });
});
