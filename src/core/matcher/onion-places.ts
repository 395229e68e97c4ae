/**
 * Session 24, helper B3 (probe set 3, a justice-department press release): "victims were directed to a Tor site", "the
 * gang's Tor leak site", "download the Tor Browser". ATT&CK lists Tor as a tool that attackers use (S0183); a place
 * on the Tor network, or the browser victims are told to install to reach it, is where a ransom is paid, not the tool
 * in an attacker's hands. The software used ("routed its traffic over Tor", "a Tor client bundled with the RAT") stays
 * the tool.
 */
import { once } from './once';

/** A place or a browser after the name: "site", "leak site", "website", "portal", "page", "Browser", "address". */
const PLACE_AFTER = once(() => /^[ \u00a0]+(?:(?:data[ \u00a0]+)?leak[ \u00a0]+|negotiation[ \u00a0]+|payment[ \u00a0]+|hidden[ \u00a0]+|onion[ \u00a0]+)?(?:site|sites|website|websites|portal|portals|page|pages|blog|browser|address|addresses|url|urls|link|links)(?![\p{L}\p{N}_-])/iu);

/** Is the name at [s, e), "Tor", the first word of a place on the Tor network or of the Tor Browser? */
export function onionPlace(text: string, s: number, e: number): boolean {
  if (e - s !== 3 || text.charCodeAt(s) !== 84 || text.slice(s, e) !== 'Tor') return false;
  return PLACE_AFTER().test(text.slice(e, e + 32));
}
