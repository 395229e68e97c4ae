/**
 * A file that is not complete, valid JSON, said in the reader's words. The importer reports the JavaScript
 * engine's own message ("Unterminated string in JSON at position 1204 (line 40 column 12)", "JSON.parse: unexpected
 * end of data at line 1 column 5 of the JSON data", "Unexpected end of JSON input"), which differs between browsers
 * and means little to a reader, and often names no place at all ("Unexpected token '[', …"). So the text is read
 * again here, only after JSON.parse refused it, to find where it goes wrong (jsonErrorOffset): the line and column,
 * and whether the text simply stops before its end. The engine's message is the fallback. Pure.
 */
import { ImportError, type ImportPlan } from '../../core/importers/index';
import { t } from '../../platform/i18n';

export interface JsonProblem {
  /** The text stops before the JSON is complete (cut off while downloading or saving). */
  incomplete: boolean;
  /** 1-based, where the engine said (or where the text stops); absent when the engine named no place. */
  line?: number;
  column?: number;
}

/** The importer's wording of a JSON.parse failure (src/core/importers/sanitize.ts), with the engine's message. */
const PARSE_FAILURE = /^The file is (truncated or incomplete|not valid) JSON \(([\s\S]*)\)\.$/;

function placeAt(body: string, position: number): { line: number; column: number } {
  const before = body.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - (before.lastIndexOf('\n') + 1) + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * Offset of the first JSON syntax error (RFC 8259) in `s`: s.length when the text stops before the value is complete,
 * -1 when there is none. Iterative, so any nesting depth is fine.
 */
export function jsonErrorOffset(s: string): number {
  const n = s.length;
  let i = 0;
  const stack: string[] = [];
  const skip = () => {
    while (i < n && isSpace(s[i])) i++;
  };
  /** A string at s[i] === '"'; leaves i after it, or on the fault. */
  const string = (): boolean => {
    i++;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 32) return false;
      if (c !== 92) {
        i++;
        continue;
      }
      const e = s[i + 1];
      if (e === undefined) break;
      if ('"\\/bfnrt'.includes(e)) {
        i += 2;
        continue;
      }
      if (e !== 'u') {
        i++;
        return false;
      }
      for (let k = 2; k < 6; k++) {
        if (i + k >= n) return (i = n), false;
        if (!/[0-9a-fA-F]/.test(s[i + k]!)) return (i += k), false;
      }
      i += 6;
    }
    i = n;
    return false;
  };
  /** An object's key and colon, after "{" or ",". */
  const key = (): boolean => {
    skip();
    if (s[i] !== '"' || !string()) return false;
    skip();
    if (s[i] !== ':') return false;
    i++;
    return true;
  };
  let afterValue = false;
  for (;;) {
    skip();
    if (i >= n) return afterValue && !stack.length ? -1 : n;
    const c = s[i]!;
    if (afterValue) {
      const top = stack[stack.length - 1];
      if (top === undefined) return i;
      if (c === ',') {
        i++;
        if (top === '{' && !key()) return i;
        afterValue = false;
      } else if ((c === ']' && top === '[') || (c === '}' && top === '{')) {
        stack.pop();
        i++;
      } else return i;
      continue;
    }
    if (c === '[' || c === '{') {
      i++;
      skip();
      if (s[i] === (c === '[' ? ']' : '}')) {
        i++;
        afterValue = true;
        continue;
      }
      stack.push(c);
      if (c === '{' && !key()) return i;
      continue;
    }
    if (c === '"') {
      if (!string()) return i;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(s);
      if (!m) return c === '-' && i + 1 >= n ? n : i + 1;
      i += m[0].length;
    } else {
      const word = ['true', 'false', 'null'].find((w) => w[0] === c);
      if (!word) return i;
      let k = 0;
      while (k < word.length && s[i + k] === word[k]) k++;
      if (k < word.length) return i + k;
      i += k;
    }
    afterValue = true;
  }
}

/** The JSON syntax problem among a plan's errors, if reading the text as JSON is what failed. */
export function jsonProblemOf(plan: Pick<ImportPlan, 'format' | 'errors'>, text: string): JsonProblem | undefined {
  if (plan.format !== 'unknown' || plan.errors.length !== 1) return undefined;
  const match = PARSE_FAILURE.exec(plan.errors[0]!.reason);
  if (!match) return undefined;
  const detail = match[2]!;
  // The importer parses the text without a leading byte-order mark; positions count from there.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const end = body.trimEnd().length;
  const offset = jsonErrorOffset(body);
  if (offset >= 0) return { incomplete: offset >= end, ...placeAt(body, Math.min(offset, end)) };
  // Where JSON.parse and this reading disagree, the engine's own words.
  let incomplete = match[1] === 'truncated or incomplete' || /end of (JSON )?(data|input)|unterminated/i.test(detail);
  const lineColumn = /line (\d+),? column (\d+)/i.exec(detail);
  const position = /position (\d+)/i.exec(detail);
  if (position && Number(position[1]) >= end) incomplete = true;
  if (lineColumn && !(incomplete && position)) return { incomplete, line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  if (position) return { incomplete, ...placeAt(body, Math.min(Number(position[1]), end)) };
  if (incomplete) return { incomplete, ...placeAt(body, end) };
  return { incomplete };
}

/** The problem as an import error, in words, its place in the Path column. */
export function jsonProblemError(problem: JsonProblem, file: string): ImportError {
  const placed = problem.line !== undefined && problem.column !== undefined;
  const at = placed ? [String(problem.line), String(problem.column)] : [];
  const message = problem.incomplete ? (placed ? t('optJsonIncomplete', at) : t('optJsonIncompleteNoPlace')) : placed ? t('optJsonInvalid', at) : t('optJsonInvalidNoPlace');
  return new ImportError({ file, path: placed ? t('optJsonPlace', at) : '', field: '', message });
}
