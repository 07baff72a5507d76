/**
 * English contractions and the forms agents actually type for them. A pattern word that is a
 * contraction (or its apostrophe-less spelling) matches all of them, so `i don't know` also catches
 * "i dont know" and "I do not know" — in every pack, without each author listing the variants.
 *
 * Left out on purpose: apostrophe-less spellings that are other common words (we're/were, we'll/well,
 * I'll/ill, he'll/hell, she'll/shell, I'd/id, we'd/wed, it's/its): "were closed" must not read as "we're
 * closed", nor "its down payment" as "it's down".
 */
const FORMS: readonly (readonly string[])[] = [
  ["ain't", 'aint'],
  ["aren't", 'arent', 'are not'],
  ["can't", 'cant', 'cannot', 'can not'],
  ["could've", 'couldve', 'could have'],
  ["couldn't", 'couldnt', 'could not'],
  ["didn't", 'didnt', 'did not'],
  ["doesn't", 'doesnt', 'does not'],
  ["don't", 'dont', 'do not'],
  ["hadn't", 'hadnt', 'had not'],
  ["hasn't", 'hasnt', 'has not'],
  ["haven't", 'havent', 'have not'],
  ["here's", 'heres', 'here is'],
  ["i'd", 'i would'],
  ["i'll", 'i will'],
  ["i'm", 'im', 'i am'],
  ["i've", 'ive', 'i have'],
  ["isn't", 'isnt', 'is not'],
  ["it'll", 'itll', 'it will'],
  ["it's", 'it is'],
  ["mustn't", 'mustnt', 'must not'],
  ["needn't", 'neednt', 'need not'],
  ["shouldn't", 'shouldnt', 'should not'],
  ["should've", 'shouldve', 'should have'],
  ["that's", 'thats', 'that is'],
  ["there's", 'theres', 'there is'],
  ["they'll", 'theyll', 'they will'],
  ["they're", 'theyre', 'they are'],
  ["they've", 'theyve', 'they have'],
  ["wasn't", 'wasnt', 'was not'],
  ["we'll", 'we will'],
  ["we're", 'we are'],
  ["we've", 'weve', 'we have'],
  ["weren't", 'werent', 'were not'],
  ["what's", 'whats', 'what is'],
  ["won't", 'wont', 'will not'],
  ["would've", 'wouldve', 'would have'],
  ["wouldn't", 'wouldnt', 'would not'],
  ["you'd", 'youd', 'you would'],
  ["you'll", 'youll', 'you will'],
  ["you're", 'youre', 'you are'],
  ["you've", 'youve', 'you have'],
];

/**
 * Chat spellings agents type in live chat and social DMs ("u", "ur", "pls", "gonna", "dunno"), matched the
 * same way. Only spellings that are not ordinary words of their own: "cause" (the cause of) and "ya" (yes)
 * are left out.
 */
const CHAT_FORMS: readonly (readonly string[])[] = [
  ['you', 'u'],
  ['your', 'ur', 'yr'],
  ['please', 'pls', 'plz', 'pleeease'],
  ['because', 'cuz', 'coz', 'bc'],
  ['going to', 'gonna'],
  ['want to', 'wanna'],
  ['got to', 'gotta'],
  ["don't know", 'dunno'],
  ['though', 'tho'],
  ['tomorrow', 'tmrw', 'tmr', 'tmw'],
  ['thanks', 'thx', 'thnx', 'thanx'],
  ['probably', 'prob', 'prolly'],
  ['really', 'rly'],
  ['people', 'ppl'],
  ['message', 'msg'],
  ['minutes', 'mins'],
  ['seconds', 'secs'],
  ['something', 'smth', 'sth'],
  ['everyone', 'every1'],
  ['okay', 'ok', 'k', 'kk'],
];

const BY_WORD = new Map<string, readonly (readonly string[])[]>();
const BY_PAIR = new Map<string, readonly (readonly string[])[]>();
for (const forms of FORMS) {
  const split = forms.map((f) => f.split(' '));
  for (const f of forms) (f.includes(' ') ? BY_PAIR : BY_WORD).set(f, split);
}
// One way only: a pattern's "your" also matches "ur", but a pattern that spells "ur" means just that (a rule
// for "ur fault" must not start matching "not your fault").
const CHAT_WORD = new Map<string, readonly string[]>();
const CHAT_PAIR = new Map<string, readonly (readonly string[])[]>();
for (const [canonical, ...chat] of CHAT_FORMS) {
  if (canonical!.includes(' ')) CHAT_PAIR.set(canonical!, chat.map((f) => f.split(' ')));
  else CHAT_WORD.set(canonical!, chat);
}

/** Chat spellings of a normalised pattern word ("your" → ["ur", "yr"]), or undefined. */
export function chatWordForms(word: string): readonly string[] | undefined {
  return CHAT_WORD.get(word);
}

/** Chat spellings of a two-word phrase ("going to" → [["gonna"]]), or undefined. */
export function chatPairForms(first: string, second: string): readonly (readonly string[])[] | undefined {
  return CHAT_PAIR.get(`${first} ${second}`);
}

/** Every spelling (as word sequences) of a normalised pattern word, or undefined if it is not a contraction. */
export function contractionForms(word: string): readonly (readonly string[])[] | undefined {
  return BY_WORD.get(word);
}

/** Every spelling of a spelled-out pair such as "do not" (so the pattern `do not` also matches "don't"). */
export function pairForms(first: string, second: string): readonly (readonly string[])[] | undefined {
  return BY_PAIR.get(`${first} ${second}`);
}
