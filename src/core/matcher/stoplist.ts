/**
 * Common English words that public feeds use as actor, malware or tool names ("Lead", "Cobalt", "Silence",
 * "Ghost", "Equation", "Agenda"…). A feed name made only of these words is treated as ambiguous by the matcher
 * (see ambiguity.ts), exactly like an alias flagged `ambiguous` in the bundled data.
 *
 * How the list was made: single words of the MISP galaxy (threat-actor, malpedia, tool, ransomware) and ATT&CK
 * names that are ordinary English words, plus everyday words that appear in multi-word feed names ("Sea Turtle",
 * "Poison Ivy", "Fancy Bear"), chosen by hand. Metals and elements are here because Microsoft's former naming
 * scheme used them. Keep entries lower-case, one word each, sorted loosely by theme.
 */
import { once } from './once';

/**
 * Tier 1, "frequent": words so common in any prose, security prose included, that page context proves nothing.
 * Besides everyday words this tier holds, as whole categories, the vocabulary of security and software writing
 * (malware categories: crypter, loader, bot, miner…; languages, shells and file types: Python, PHP, CMD, DLL, and the
 * scripting languages droppers are written in, AutoIt, VBScript, Lua — a feed lists "Autoit" as another name of a
 * ransomware family, and loader reports name the language at every step (audit H);
 * places where criminals trade: forum, market, shop, ramp…; what a malware analysis measures: entropy, which a feed
 * lists as a ransomware — "Entropy of .rdata is high" opened a sentence in a reversing write-up, probe set 4) and
 * nationalities/languages: feeds use such words as
 * names (a "Crypter" family, a "RAMP" forum, a "Python" backdoor alias), and a security page is full of them.
 */
const FREQUENT = `
a an the of and or for to in on at by with from as is it be this that these those my me we you our your his her
one two three first last new old good bad best big small final full half free open red blue green black white dark
light grey gray gold golden silver brown pink purple yellow orange crimson
russian chinese iranian korean turkish ukrainian vietnamese indian pakistani brazilian nigerian american european
israeli arabic arab persian german french spanish italian polish japanese english latin
russia china iran korea turkey ukraine vietnam india pakistan brazil nigeria america europe israel cuba syria
mexico canada germany france spain italy japan nevada milan paris london berlin moscow tokyo
android windows linux defender office outlook excel chrome firefox update updater installer service server client
agent admin system security network internet cloud global district leverage profile spoofs cleanup encrypt mimic
radar toxic route payload shell crypt locker loader stealer dropper backdoor botnet wiper worm virus ransom
trojan trojans scraper
net august january february march april may june july september october november december monday friday weekend
hello welcome help home news report search login account password private public secret access remote
alpha beta gamma omega sigma zeta kappa epsilon
crypter packer entropy bot bots miner cryptominer banker exploit exploits kit spam spammer phishing keylogger rootkit
spyware adware ransomware infostealer downloader implant grabber clipper sniffer scanner builder panel stager
forum market marketplace shop store bank exchange ramp
python java javascript perl ruby golang rust php cmd bash powershell assembly script macro kernel driver module
autoit autohotkey vbscript jscript vba lua
plugin library api sdk dll exe http https dns ssh ftp smtp sql html
czech slovak hungarian romanian bulgarian greek dutch swedish norwegian danish finnish portuguese serbian croatian
belarusian georgian armenian kazakh thai malay indonesian filipino egyptian saudi emirati lebanese afghan iraqi
syrian libyan mexican colombian argentinian canadian british australian austrian swiss belgian irish scottish
`;

/** Tier 2: ordinary nouns and adjectives (metals, animals, myths, objects) that are also names. */
const WORDS = `
zinc lead cobalt copper iron nickel silicon carbon mercury sodium potassium calcium magnesium aluminum aluminium
platinum titanium tin steel helium boron neon argon radium uranium plutonium thallium cerium barium strontium
bismuth chromium gallium iridium osmium palladium rubidium tantalum terbium yttrium zirconium holmium europium
actinium americium curium einsteinium hafnium indium niobium polonium promethium rhodium ruthenium scandium
selenium sulphur sulfur tellurium thorium tungsten vanadium manganese bromine iodine oxygen nitrogen hydrogen
phosphorus krypton xenon lithium beryllium germanium antimony arsenic cadmium cesium caesium francium lanthanum
neodymium praseodymium samarium gadolinium dysprosium erbium thulium ytterbium lutetium rhenium astatine radon
silence equation ghost agenda anchor apollo arena atlas atom aurora beacon beast blank blind brain bread
brick butterfly calendar cannon castle catch chaos christmas clay clock colony core cowboy crash crystal cyclone
delta demo desktop diamond disco done dummy dune dusk echo eclipse elevator empire enigma epic equinox eternal
eternity evolution expand explorer fake fury fusion genesis global globe glimpse goggles gopher grease guard hades
harpy havoc haze hermes hermit hook hunt hunter hunters hydra inception inferno insomnia jackal james jester jigsaw
joker judge jupiter karma kevin knight knot lady lambda leash light lime locker locus lotus lucy luna lynx magic
magician mamba mango mantis maple mars mask matrix maze medusa mercury meteor mimic mini minion mirage mole
momentum monsoon moose moth mozart mystic nemesis neutrino nexus nightmare ninja nova octopus ogre one orca orchard
orion osiris owl oyster pacman page paradise parasite patcher payload payment pear pegasus phantom phoenix photo
pickaxe pioneer pirate plague planetary play playboy poison polaris pony predator prestige princess prism proteus
proton puma pump punisher purge pyramid quantum raccoon radar radiation rambo rapture razor reaper relic remedy
reptile retro revive rhino rock rogue root rover royal ruby ruler rush saber sabbath saga sage salsa samurai
sanction sanctions satan saturn scar scarab scorpion scout sea sentinel serpent shade shadow shark sheriff
shopper siesta silent skipper skull slam slave slug smoke snake snowball solar soldier solo solve soul spark sparkle
sparta specter spectre sphinx spider splinter spook sport spring stinger stitch stop storm streamer strider stupid
sugar summit sun superman supernova supper surprise survey sutra swift switcher sword synapse taurus template termite
thor tick titan toddler toxic trickster trident trinity triton troy tsunami tycoon tyrant umbral undead
unknown unsafe vampire vamp vendetta venom venomous vermin viper void vulture waffle waiting warlock watchdog
whirlpool whisper wiper woody wormhole wraith yakuza zen zeus zipper zircon zorro zombie
bear panda kitten spider tiger dragon elephant
turtle ivy fancy cozy night energetic voodoo primitive berserk venomous lucky mouse comment shell crew team group
gang army alliance division cell corp operation project unit fighters team sea lotus ocean dust storm wolf fox
cat dog frog owl eagle falcon hawk crane goblin gorilla monkey kitten leopard lion pony rabbit spider scorpion
snake viper bee wasp hornet ant termite moth butterfly beetle
`;

/**
 * Built at first use: only matching and compiling read them, and at module evaluation the two sets were the largest
 * tables every page and frame paid for (≈ 0.2 ms a frame in a warm renderer), names or none.
 */
export const frequentWords = once((): ReadonlySet<string> => new Set(FREQUENT.split(/\s+/).filter(Boolean)));
export const commonWords = once((): ReadonlySet<string> => new Set([...frequentWords(), ...WORDS.split(/\s+/).filter(Boolean)]));

/**
 * 'frequent' when the (lower-cased, separator-normalised) name is one frequent word or made only of frequent words;
 * 'common' when every word is a common word; false otherwise.
 */
export function commonWordTier(foldedName: string): 'frequent' | 'common' | false {
  const words = foldedName.split(/[\s-]+/).filter(Boolean).map((w) => w.replace(/'s$/, ''));
  const common = commonWords();
  const frequent = frequentWords();
  if (!words.length || !words.every((w) => common.has(w))) return false;
  return words.every((w) => frequent.has(w)) ? 'frequent' : 'common';
}

/** True when every word of the name is a common English word (either tier). */
export function isCommonWordName(foldedName: string): boolean {
  return commonWordTier(foldedName) !== false;
}
