/**
 * Crew and software words of Chinese, Japanese and Korean glued after a Latin name, or one space after it in Korean
 * ("APT41组织", "Winnti组织", "海莲花（OceanLotus）组织", "Lazarus 그룹", "PlugX远控木马", "Emotetマルウェア"): the cue those
 * languages give where English writes "the Winnti group" (audit B2). Without it a name that is a group and a malware
 * in the feeds (Winnti, OceanLotus) was read as the malware in a Chinese report about the group. Only words used of
 * crews and of malicious software; 集团 (a business group) and 团队 (a team) are left out.
 */
const ACTOR_AFTER = ['黑客组织', '组织', '團體', '組織', '团伙', '團夥', '攻撃グループ', 'グループ', '그룹', '조직', '해킹조직'];
const SOFTWARE_AFTER = ['恶意软件', '勒索软件', '勒索病毒', '远控木马', '木马', '后门', '惡意軟體', '勒索軟體', '木馬', '後門', 'マルウェア', 'ランサムウェア', 'バックドア', '악성코드', '랜섬웨어', '백도어'];
/** Closing brackets and quotes of those scripts that may stand between the name and the word ("（OceanLotus）组织"). */
const CLOSERS = new Set([0xff09, 0x300d, 0x300f, 0x3011]);

/** The kind of the CJK crew or software word at j, right after a name, or undefined. Callers test j's code ≥ 0x3000 first. */
export function cjkCueAfter(text: string, j: number): { word: string; kind: 'actor' | 'software' } | undefined {
  if (CLOSERS.has(text.charCodeAt(j))) j++;
  for (const w of ACTOR_AFTER) if (text.startsWith(w, j)) return { word: w, kind: 'actor' };
  for (const w of SOFTWARE_AFTER) if (text.startsWith(w, j)) return { word: w, kind: 'software' };
  return undefined;
}
