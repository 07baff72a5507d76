/**
 * Recognising the customer's name in a draft. Russian and Ukrainian agents address customers by an
 * inflected form (Олено, Анне), often of the short name the customer signs with (Ольга → Олю, Юлія → Юлю):
 * `nameForms` lists the forms to look for and `isNameForm` accepts their inflections.
 */

// Full names and their everyday short forms, in both languages (normalised as tokens are: lowercase, ё → е). Data, not
// rules: a name missing here only means its short form is not recognised.
const SHORT_FORMS: Record<string, string[]> = {
  'олександр': ['саша', 'сашко', 'олесь'],
  'олександра': ['саша', 'леся'],
  'александр': ['саша', 'шура'],
  'александра': ['саша'],
  'анастасія': ['настя'],
  'анастасия': ['настя'],
  'андрій': ['андрійко'],
  'анна': ['аня', 'ганна'],
  'ганна': ['аня', 'ганнуся'],
  'валентина': ['валя'],
  'вікторія': ['віка'],
  'виктория': ['вика'],
  'володимир': ['вова', 'володя'],
  'владимир': ['вова', 'володя'],
  'галина': ['галя'],
  'дмитро': ['діма', 'дмитрик'],
  'дмитрий': ['дима'],
  'євгенія': ['женя'],
  'евгения': ['женя'],
  'євген': ['женя'],
  'евгений': ['женя'],
  'екатерина': ['катя'],
  'катерина': ['катя'],
  'елена': ['лена'],
  'олена': ['лена', 'оленка'],
  'ірина': ['іра'],
  'ирина': ['ира'],
  'ксенія': ['ксюша'],
  'ксения': ['ксюша'],
  'лілія': ['ліля'],
  'лилия': ['лиля'],
  'людмила': ['люда'],
  'марія': ['маша', 'марійка'],
  'мария': ['маша'],
  'михайло': ['миша', 'михась'],
  'михаил': ['миша'],
  'наталія': ['наташа', 'наталка'],
  'наталья': ['наташа'],
  'наталия': ['наташа'],
  'ольга': ['оля'],
  'світлана': ['світланка'],
  'светлана': ['света'],
  'сергій': ['сергійко'],
  'сергей': ['сережа'],
  'софія': ['соня'],
  'софия': ['соня'],
  'тетяна': ['таня'],
  'татьяна': ['таня'],
  'юлія': ['юля'],
  'юлия': ['юля'],
  'ярослав': ['ярик'],
  'ярослава': ['яра'],
};

/** The forms of a (normalised) name to look for: the name itself and, in ru/uk, its short forms. */
export function nameForms(name: string, inflects: boolean): string[] {
  return inflects ? [name, ...(SHORT_FORMS[name] ?? [])] : [name];
}

/**
 * Whether a (normalised) draft word is `form` or, in ru/uk, an inflection of it: the same stem with up to
 * two more letters (Олена → Олено, Оленою). Three-letter names keep a two-letter stem (Іра → Іро, Зоя → Зоє),
 * so for them the word must also be capitalised and three letters long, or four with an instrumental
 * ending (Ірою): "Зоопарк" is not Зоя and "Олег" is not Оля.
 */
export function isNameForm(word: string, capitalised: boolean, form: string, inflects: boolean): boolean {
  if (word === form) return true;
  if (!inflects || form.length < 3) return false;
  if (form.length === 3)
    return capitalised && word.startsWith(form.slice(0, 2)) && (word.length === 3 || (word.length === 4 && /(ою|ею|єю|ой|ей)$/.test(word)));
  return word.startsWith(form.slice(0, -1)) && word.length - form.length <= 2;
}
