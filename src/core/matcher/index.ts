/** Name matcher: pure TypeScript, no DOM or browser API; runs in Node and, bundled, in the content script. */
export { compileDictionary, parseDictionary, COMPILE_REVISION, CASE, KIND_PRIORITY, ambiguityLevel, caseMode, type CompiledDictionary, type CaseMode } from './compile';
export { createMatcher, createTextMemory, type Match, type MatchOptions, type MatchReason, type Matcher, type TextMemory } from './match';
export { hasSecurityContext, cueNear, AMBIGUITY, ACTOR_CUES, SOFTWARE_CUES, NEUTRAL_CUES, type AmbiguityLevel, type Cue } from './ambiguity';
export { normalizeText, normalizeKey, caseSignature, suppressionKey, toOriginalRange, type NormalizedText } from './normalize';
export { commonWords, isCommonWordName } from './stoplist';
export { loadEnglishWords } from './english-words';
export type { LinkEnds } from './linked-names';
export { compilePrefilter, createPrefilter, PREFILTER_FORMAT, type CompiledPrefilter, type Prefilter, type PrefilterOptions } from './prefilter';
export { storedForm } from './trie-tables';
