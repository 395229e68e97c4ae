/**
 * A botnet named by a compound: researchers coin names such as "KV-botnet" (two to five capitals, a hyphen, the kind
 * noun), and the compound is the name — reports write it with "the" and nothing else ("the KV-botnet infrastructure",
 * "the KV-botnet the FBI took down"). The capitals must be no protocol, platform or attack initialism ("IRC-botnet",
 * "IoT-botnet", "DDoS-botnet" say what kind of botnet), and "KV-botnet style relays" likens other infrastructure to it
 * (likenessAfter). Read on a page with security context (match.ts malwareRules).
 */
import { CLS, C_UPPER, C_WORD, classify } from './normalize';

const cls = (c: number): number => CLS[c] || classify(c);

/** Initialisms that say a botnet's kind, protocol or target, not its name. */
const KIND_INITIALISMS: ReadonlySet<string> = new Set(['IRC', 'HTTP', 'HTTPS', 'SSH', 'DNS', 'P2P', 'IOT', 'SOHO', 'DDOS', 'SMTP', 'SMS', 'TOR', 'VPN', 'NAS', 'ADB', 'SIP', 'RDP', 'SMB', 'FTP', 'ICS', 'OT', 'IT', 'PC', 'AI', 'ML']);

/**
 * At the word "botnet" [ks, ke) glued by a hyphen to the word before it: the compound's start, when that word is two to
 * five capitals and no kind initialism; else -1.
 */
export function botnetCompoundStart(t: string, ks: number, ke: number): number {
  if (t.slice(ks, ke).toLowerCase() !== 'botnet' || t.charCodeAt(ks - 1) !== 45) return -1;
  const e = ks - 1;
  let s = e;
  while (s > 0 && cls(t.charCodeAt(s - 1)) & C_UPPER) s--;
  if (e - s < 2 || e - s > 5 || (s > 0 && cls(t.charCodeAt(s - 1)) & C_WORD) || t.charCodeAt(s - 1) === 45) return -1;
  return KIND_INITIALISMS.has(t.slice(s, e)) ? -1 : s;
}

/** "… style", "…-like" after the compound: something else likened to it, not the botnet. */
export function likenessAfter(t: string, e: number): boolean {
  return /^[ \u00a0-](?:style|like)\b/i.test(t.slice(e, e + 7));
}
