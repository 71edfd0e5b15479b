import { nameCandidates, EN_NAME_WEIGHTS } from '../../../src/extract/en-people';
import { headingLines, tokenizeEnText } from '../../../src/extract/en-tokens';
import { enWord } from '../../../src/extract/en-words';

const none = () => false;

function names(text: string, opts: { countries?: string[]; reserved?: string[] } = {}): string[] {
  return nameCandidates({
    text,
    tokens: tokenizeEnText(text),
    isCountry: (w) => (opts.countries ?? []).includes(w),
    isReserved: (w) => (opts.reserved ?? []).includes(w),
    titleCommaBefore: none,
    titleCommaAfter: none,
  }).map((c) => c.name);
}

describe('English tokens', () => {
  test('offsets, capitals, possessives and the separator before each word', () => {
    const t = tokenizeEnText("Japan's exports, said Ms Olsen.");
    expect(t.map((x) => x.text)).toEqual(["Japan's", 'exports', 'said', 'Ms', 'Olsen']);
    expect(t[0]).toMatchObject({ word: 'Japan', poss: true, cap: true, start: 0, end: 7, initial: true });
    expect(t[2].gap).toBe(', ');
    expect(t[4].cap).toBe(true);
  });

  test('a short title-case line without closing punctuation is a heading; a sentence is not', () => {
    const text = 'Storm Warning Issued For Eastern Coast\nThe storm reached the Eastern Coast on Friday.';
    expect([...headingLines(text, tokenizeEnText(text))]).toEqual([0]);
  });
});

describe('English words', () => {
  test('common vocabulary, parts of speech and names come from the packaged word lists', () => {
    expect(enWord('committee')).toMatchObject({ common: true, noun: true });
    expect(enWord('announced')).toMatchObject({ noun: false, verb: true });
    expect(enWord('economic').adj).toBe(true);
    expect(enWord('Margaret').firstName).toBe(true);
    // an unknown word is no common word: the raw material of names
    expect(enWord('Vitrandel').common).toBe(false);
  });
});

describe('English name recogniser', () => {
  test('given name + surname, two unknown words with a speech cue, and an honorific', () => {
    expect(names('Margaret Okonkwo arrived late.')).toEqual(['Margaret Okonkwo']);
    expect(names('The award went to Dravin Koslet, who thanked the jury.')).toEqual(['Dravin Koslet']);
    expect(names('Mr Dravin Koslet arrived.')).toEqual(['Dravin Koslet']);
  });

  test('two unknown words alone are not enough; a country after "of" is', () => {
    expect(EN_NAME_WEIGHTS.unknownWord * 2).toBeLessThan(EN_NAME_WEIGHTS.NAME_THRESHOLD);
    expect(names('They met at Velmora Tarsk yesterday.')).toEqual([]);
    expect(names('She beat Velmora Tarsk of Norway.', { countries: ['Norway'] })).toEqual(['Velmora Tarsk']);
  });

  test('common words, reserved words, headings and quoted titles are not names', () => {
    expect(names('Opposition Lawmakers walked out.')).toEqual([]);
    expect(names('Minister Margaret Okonkwo spoke.', { reserved: ['Minister'] })).toEqual(['Margaret Okonkwo']);
    expect(names('Margaret Okonkwo Wins Top Prize Again\nThe jury met.')).toEqual([]);
    expect(names('The film "Margaret Okonkwo" opened.')).toEqual([]);
  });
});
