/**
 * Weights and thresholds of the statistical recognizers, named in one place so that tuning
 * them is one diff. Scores are log-likelihood ratios (natural log) plus boundary evidence.
 */
export const NAME_MODEL = {
  /** Additive smoothing of the character counts. */
  smoothing: 0.5,
  /** A Han-Chinese name (surname + 1–2 given characters) is accepted at this score. */
  acceptThree: 5.5,
  /** Two-character names (surname + one given character) are rarer and riskier. */
  acceptTwo: 9.3,
  /** Boundary evidence on the left: start of text, punctuation, a title, a cue word. */
  leftPunct: 1.5,
  leftTitle: 2.5,
  leftCue: 1.2,
  leftWordEdge: 0.3,
  /** The name would start inside a dictionary word. */
  leftInsideWord: -2.5,
  /** Boundary evidence on the right: a speech verb, punctuation, a particle, a title. */
  rightCue: 1.8,
  rightTitle: 2,
  rightWordEdge: 0.3,
  /** The name would end inside a dictionary word. */
  rightCrossesWord: -2.5,
  /** The same string again elsewhere in the article. */
  recurs: 1.2,
  recursOften: 2,
  /** The string is an ordinary word of jieba's dictionary. */
  commonWord: -4,
  /** jieba's dictionary lists the string as a person name. */
  dictName: 1.5,
  /** A given character that is mostly a function word or role noun (在, 姓, 男). */
  functionChar: -3.5,
  /** The given part is itself an ordinary word (陳|明白): likelier a word after a surname. */
  givenIsWord: -2.5,
  /** An award, event or case head right after the name (金龍|獎, 某某|案). */
  rightEventHead: -3,
  /** Below this intrinsic score a pattern-found name is dropped (教練團, 游得快). */
  patternFloor: 0,
  /** Per given character, the log-likelihood ratio is clipped to this range. */
  charClip: 3.5,
};

export const TRANSLIT_MODEL = {
  smoothing: 0.5,
  /** Mean per-character log-likelihood ratio (transliteration vs ordinary words) to start a span. */
  charMin: -0.2,
  /** Mean ratio over a whole span to accept it. */
  spanMean: 1.0,
  /** A span holding a known name is a longer name only when the rest is typical too (馬洛維|奇, not 林佳龍|赴). */
  restMean: 1.5,
  /** The first segment of a dotted name stops at a character less typical than this (法國人|約翰). */
  dotLeftMin: 0,
  minLength: 2,
  maxLength: 8,
  /** A span needs this much context evidence (role noun, speech verb, list with a person, recurrence). */
  acceptPerson: 2,
  personCue: 2,
  speechAfter: 2,
  recurs: 1,
  dotJoined: 3,
  /** A transliteration followed by a place head (州, 市, 島 ...) names a place, not a person. */
  placeHead: -6,
};

/** Head-noun grammar for organizations and places. */
export const HEAD_GRAMMAR = {
  /** The longest name part (characters before the head) taken from segmentation. */
  maxNameChars: 10,
  /** Minimum name part before a one-character head (宮, 廟, 隊, 處). */
  minBeforeSingle: 2,
  /** A company's name without its head stands alone only when it is rarer than this in jieba's dictionary. */
  commonStemFreq: 400,
  /** A one-character place head (鎮, 市, 區) is part of an ordinary word (重鎮, 城市) this frequent in jieba's dictionary. */
  commonHeadWordFreq: 600,
};

/** Tie-break between candidate spans of equal length in the resolver (longer spans always win). */
export const PRIORITY = {
  lexiconPerson: 3,
  known: 2.8,
  person: 2.5,
  lexiconCompound: 2.2,
  /** Camp colours (藍白聯手) over the topic word of the same span (藍白). */
  camp: 2.1,
  lexicon: 2,
  /** A country before one of Taiwan's ministries (阿根廷國防部), below the lexicon's own compound. */
  countryBody: 1.5,
  headGrammar: 1.2,
};

/**
 * Weights of the English person-name recogniser (en-people.ts). A candidate is a run of two or
 * three capitalised words; it becomes a person when its evidence reaches NAME_THRESHOLD.
 */
export const EN_NAME_WEIGHTS = {
  /** First word is a known given name (Margaret, Donald). */
  givenName: 2,
  /** Last word is a known surname (Thatcher, Smith). */
  surname: 1.5,
  /** A capitalised word that is no common English word (Ostravik, Vellanor). */
  unknownWord: 1,
  /** Mr / Ms / Dr before it. */
  honorific: 2,
  /** A speech verb or a relative clause after it ("... said", "..., who"). */
  speech: 1,
  /** "the company's chairman, X" / "X, chairman of ...": a title in apposition. */
  titleComma: 1.5,
  /** "X of Thailand": a player or official of a country. */
  ofCountry: 1,
  /** Inside quotation marks, or after film / book / series: a title, not a person. */
  titleContext: -4,
  NAME_THRESHOLD: 3,
} as const;

/** Confidence of each English relation pattern (en-relations.ts). */
export const EN_RELATION_CONFIDENCE = {
  /** "Foreign Minister Lin", "CWA forecaster Chu": a title right before the name. */
  titleBefore: 0.85,
  /** The organization is named earlier in the clause, not right before the title. */
  titleInClause: 0.65,
  /** "Lin, chairman of the X" / "Lin, the X's chairman". */
  apposition: 0.75,
  /** "Lin of the KMT": a party or a team after the name. */
  ofParty: 0.7,
  /** A caucus or branch of a party before the title: its member belongs to the party. */
  partyOfUnit: 0.6,
  /** "Yilan County's Fangliao", "Tampere, Finland", "the Legislature's Procedure Committee". */
  located: 0.7,
} as const;

/** Japanese names in Chinese text (zh-japanese-names.ts): boundary evidence only, the parts are listed surnames. */
export const JAPANESE_NAME = {
  /** Left evidence a reading needs (punctuation, a title, a cue word). */
  minLeft: 1.2,
  /** Left plus right evidence at which a reading is accepted. */
  accept: 3,
  /** One- and three-character given names are less common than two-character ones. */
  unusualGivenLength: 0.5,
  /** A given part that is a dictionary word this frequent (今天, 表示) is a word, not a name. */
  givenWordFreq: 1000,
  /** A role noun right before the name (選手, 好手). */
  roleBefore: 2,
  /** A speech or action verb right after the name. */
  verbAfter: 1.8,
  /** How far (characters, each side) a Japanese cue may be from the name. */
  contextChars: 40,
};
