/**
 * `JSON.stringify(value, null, 2)`, written in pieces: one string cannot exceed V8's length limit (~512 M
 * characters), and a document with millions of matches does. The text written is the same, byte for byte.
 */

type Writable = { write(chunk: string): boolean; once(event: 'drain', listener: () => void): unknown };

const isContainer = (v: unknown): v is object => typeof v === 'object' && v !== null;

/** What JSON.stringify does to a value before writing it (toJSON; undefined, functions and symbols are left out). */
function prepare(v: unknown, key: string): unknown {
  if (isContainer(v) && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON(k: string): unknown }).toJSON(key);
  return v === undefined || typeof v === 'function' || typeof v === 'symbol' ? undefined : v;
}

/**
 * The pieces of `JSON.stringify(value, null, 2)` for a value at `indent`. Containers holding containers are walked;
 * the others (a match, an alias count) are stringified whole, then re-indented, which gives the same text since a
 * newline in JSON.stringify's output is always layout (one inside a string is escaped).
 */
export function* jsonPieces(value: unknown, indent = ''): Generator<string> {
  if (!isContainer(value)) {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (!value.some(isContainer)) {
      yield JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`);
      return;
    }
    if (!value.length) return void (yield '[]');
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i ? ',' : ''}\n${inner}`;
      const v = prepare(value[i], String(i));
      yield* jsonPieces(v === undefined ? null : v, inner);
    }
    yield `\n${indent}]`;
    return;
  }
  const entries = Object.entries(value)
    .map(([k, v]) => [k, prepare(v, k)] as const)
    .filter(([, v]) => v !== undefined);
  if (!entries.some(([, v]) => isContainer(v))) {
    yield JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`);
    return;
  }
  yield '{';
  for (let i = 0; i < entries.length; i++) {
    const [k, v] = entries[i]!;
    yield `${i ? ',' : ''}\n${inner}${JSON.stringify(k)}: `;
    yield* jsonPieces(v, inner);
  }
  yield `\n${indent}}`;
}

/**
 * `{ ...head, [key]: [items…] }` as `console.log(JSON.stringify(…, null, 2))` prints it, with the items written as
 * they come, so that none is kept once written and no string holds the whole output.
 */
export class JsonArrayWriter {
  private buf = '';
  private count = 0;

  constructor(
    private readonly out: Writable,
    head: Record<string, unknown>,
    key: string,
  ) {
    const open = [...jsonPieces({ ...head, [key]: [{}] })].join('');
    // Everything before the placeholder item: the head's fields and the opening of the array.
    this.buf = open.slice(0, open.lastIndexOf('[') + 1);
  }

  async add(item: unknown): Promise<void> {
    this.buf += `${this.count++ ? ',' : ''}\n    `;
    for (const p of jsonPieces(prepare(item, String(this.count - 1)) ?? null, '    ')) {
      this.buf += p;
      if (this.buf.length >= 1 << 16) await this.flush();
    }
  }

  async end(): Promise<void> {
    this.buf += this.count ? '\n  ]\n}\n' : ']\n}\n';
    await this.flush();
  }

  private async flush(): Promise<void> {
    const chunk = this.buf;
    this.buf = '';
    if (!this.out.write(chunk)) await new Promise<void>((r) => this.out.once('drain', r));
  }
}
