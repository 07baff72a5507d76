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

const BY_WORD = new Map<string, readonly (readonly string[])[]>();
const BY_PAIR = new Map<string, readonly (readonly string[])[]>();
for (const forms of FORMS) {
  const split = forms.map((f) => f.split(' '));
  for (const f of forms) (f.includes(' ') ? BY_PAIR : BY_WORD).set(f, split);
}

/** Every spelling (as word sequences) of a normalised pattern word, or undefined if it is not a contraction. */
export function contractionForms(word: string): readonly (readonly string[])[] | undefined {
  return BY_WORD.get(word);
}

/** Every spelling of a spelled-out pair such as "do not" (so the pattern `do not` also matches "don't"). */
export function pairForms(first: string, second: string): readonly (readonly string[])[] | undefined {
  return BY_PAIR.get(`${first} ${second}`);
}
