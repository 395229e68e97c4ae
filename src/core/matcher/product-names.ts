/**
 * A threat's word-like name followed by a word that ends a product's name ("Phoenix XDR", "Phoenix Manager 3.x",
 * "Phoenix SOAR playbooks", "Hive Connector") is that product (audit B2): a security vendor's blog, advisory or release
 * notes names its own products so, next to the security words that would otherwise confirm the name as the threat.
 * The company words of ordinary-namings.ts companyName are the same idea for firms. A product word is never part of
 * a threat's name the dictionary does not hold whole (its longer name, if it had one, is matched first); "Framework",
 * "Server", "Loader", "Builder" and the like are left out: C2 frameworks and their parts are named so.
 */
const PRODUCT_WORDS = new Set([
  'XDR', 'EDR', 'MDR', 'NDR', 'SIEM', 'SOAR', 'SASE', 'CASB', 'SDK', 'CRM', 'ERP', 'IDE',
  'Manager', 'Suite', 'Platform', 'Console', 'Studio', 'Enterprise', 'Edition', 'Pro', 'Connector', 'Integration', 'Dashboard', 'Analytics',
]);
/** The capitalised word after the name, one space apart, and what follows it. */
const PRODUCT_AFTER = /^[ \u00a0]([A-Z][A-Za-z]{1,11})(?![\p{L}\p{N}_-])/u;

/** Is the name ending at e the first word of a product's name? */
export function productName(text: string, e: number): boolean {
  const c = text.charCodeAt(e);
  if (c !== 32 && c !== 0xa0) return false;
  // a capital after the space: most names stop here
  const d = text.charCodeAt(e + 1);
  if (d < 65 || d > 90) return false;
  const m = PRODUCT_AFTER.exec(text.slice(e, e + 14));
  return !!m && PRODUCT_WORDS.has(m[1] as string);
}
