/**
 * Command-line tools written as their command: an intrusion's write-up types the tools it saw as they are typed at a
 * prompt ("ran netsh to add a port proxy", "ntds.dit copied via ntdsutil", "tools such as psexec and adfind"), in lower
 * case inside capitalised prose. Elsewhere a lower-case word spelled like a name is something else (a package, a slug,
 * a path), so such a writing is read only where the words around it say a tool was run: a verb of running just
 * before it (not "use" or "using", which a developer's changelog writes of any program: "use rclone instead of"), a
 * command line's switch or quoted argument after it, a purpose of the trade after it ("for tunnelling", "port
 * proxies"), or another command of the same kind listed beside it ("wmic, ntdsutil, netsh"). The
 * matcher asks this for tools only, whose name is no English word, on a page with security context and with security
 * words or a spotted threat near the command (match.ts).
 */
import { CLS, C_LETTER, C_WORD, classify } from './normalize';

const cls = (c: number): number => CLS[c] || classify(c);

/** A command's shape: one word of letters and digits, four characters at least (not "at", "net", "reg"). */
export function commandShaped(sig: string): boolean {
  return sig.length >= 4 && /^[A-Za-z][A-Za-z0-9]+$/.test(sig);
}

/** Words right before a command that say it was run ("ran", "via", "such as"). */
const RUN_BEFORE: ReadonlySet<string> = new Set([
  'ran', 'run', 'runs', 'running', 'rerun', 'executed', 'execute', 'executes', 'executing', 'launched', 'launch', 'launches',
  'launching', 'invoked', 'invoke', 'invokes', 'invoking', 'spawned', 'spawns', 'spawning', 'via', 'abused', 'abusing',
  'leveraged', 'leveraging', 'dropped', 'staged',
]);
/** Articles and quantifiers that may stand between such a verb and the command ("ran the psexec", "launched a renamed rclone"). */
const SKIP_BEFORE: ReadonlySet<string> = new Set(['the', 'a', 'an', 'renamed', 'copy', 'of', 'their', 'its', 'built-in', 'native', 'legitimate']);
/** What a tool is run for, said right after it ("ngrok for tunnelling", "netsh port proxies", "adfind recon"). */
const TRADE_AFTER: ReadonlySet<string> = new Set([
  'tunnel', 'tunnels', 'tunnelling', 'tunneling', 'proxy', 'proxies', 'portproxy', 'persistence', 'exfiltration', 'exfil',
  'lateral', 'discovery', 'recon', 'reconnaissance', 'credential', 'credentials', 'dump', 'dumps', 'dumping', 'enumeration',
  'beacon', 'beacons',
]);
/** Words that may join two commands of one list ("wmic, ntdsutil and netsh", "it's wmic, it's ntdsutil"). */
const LIST_GAP = /^[\s,;/]*(?:(?:and|or|then|plus|it['\u2019]s)[\s,]*)*$/i;
/** How far a listed neighbour may stand from the command. */
const LIST_CHARS = 24;

/**
 * Is the lower-case command at [s, e) one the text says was run? `commandAt(a, b)`: is the word [a, b) another
 * command-shaped tool of the dictionary, written in lower case.
 */
export function commandContext(t: string, s: number, e: number, commandAt: (a: number, b: number) => boolean): boolean {
  // a file name ("psexec.exe" in a list of files), a path's part or a switch's value is no command the text ran
  if (t.charCodeAt(e) === 46 && cls(t.charCodeAt(e + 1)) & C_LETTER) return false;
  return runBefore(t, s) || commandLineAfter(t, e) || tradeAfter(t, e) || listedCommand(t, s, e, commandAt);
}

/** The word ending just before `p` (spaces skipped), lower case, with its start; none across a sentence's end. */
function wordBefore(t: string, p: number): [string, number] | undefined {
  let b = p;
  while (b > 0 && (t.charCodeAt(b - 1) === 32 || t.charCodeAt(b - 1) === 9)) b--;
  let a = b;
  while (a > 0 && (cls(t.charCodeAt(a - 1)) & C_WORD || t.charCodeAt(a - 1) === 45)) a--;
  return a < b ? [t.slice(a, b).toLowerCase(), a] : undefined;
}

function runBefore(t: string, s: number): boolean {
  let p = s;
  // an opening quote or backtick around the command
  const q = t.charCodeAt(p - 1);
  if (q === 34 || q === 39 || q === 96 || q === 0x201c || q === 0x2018) p--;
  for (let k = 0; k < 3; k++) {
    const w = wordBefore(t, p);
    if (!w) return false;
    if (RUN_BEFORE.has(w[0])) return true;
    // "tools such as netsh"
    if (w[0] === 'as' && wordBefore(t, w[1])?.[0] === 'such') return true;
    if (!SKIP_BEFORE.has(w[0])) return false;
    p = w[1];
  }
  return false;
}

/** A switch or a quoted argument after the command: "ntdsutil "ac i ntds"", "wmic /node:10.0.0.5", "adfind -f". */
function commandLineAfter(t: string, e: number): boolean {
  if (t.charCodeAt(e) !== 32) return false;
  const c = t.charCodeAt(e + 1);
  const d = t.charCodeAt(e + 2);
  if (c === 34 && d !== 32) return true;
  return (c === 45 || c === 47) && (cls(d) & C_LETTER || (c === 45 && d === 45)) !== 0;
}

function tradeAfter(t: string, e: number): boolean {
  let p = e;
  for (let k = 0; k < 3; k++) {
    while (p < t.length && t.charCodeAt(p) === 32) p++;
    const a = p;
    while (p < t.length && cls(t.charCodeAt(p)) & C_LETTER) p++;
    if (p === a) return false;
    if (TRADE_AFTER.has(t.slice(a, p).toLowerCase())) return true;
  }
  return false;
}

function listedCommand(t: string, s: number, e: number, commandAt: (a: number, b: number) => boolean): boolean {
  // each word within LIST_CHARS after the command, then before it, with only a list's joining words between
  for (let a = e; a < t.length && a - e <= LIST_CHARS; a++) {
    if (!(cls(t.charCodeAt(a)) & C_LETTER) || cls(t.charCodeAt(a - 1)) & C_WORD) continue;
    let b = a;
    while (b < t.length && cls(t.charCodeAt(b)) & C_WORD) b++;
    if (LIST_GAP.test(t.slice(e, a)) && commandAt(a, b)) return true;
  }
  for (let z = s; z > 0 && s - z <= LIST_CHARS; z--) {
    if (!(cls(t.charCodeAt(z - 1)) & C_LETTER) || cls(t.charCodeAt(z)) & C_WORD) continue;
    let y = z;
    while (y > 0 && cls(t.charCodeAt(y - 1)) & C_WORD) y--;
    if (LIST_GAP.test(t.slice(z, s)) && commandAt(y, z)) return true;
  }
  return false;
}
