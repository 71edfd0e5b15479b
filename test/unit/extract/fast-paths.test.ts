import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTextPage } from '../../../src/ingest';
import { articleText } from '../../../src/domain/article-text';
import { codePointCount, hanRatio, isSimplifiedText, normalizeForm, normalizeKey, normalizeText } from '../../../src/extract/normalize';
import { getSegmenter, tagText } from '../../../src/extract/segment';
import { SurfaceTrie } from '../../../src/extract/trie';
import { twToCnConverter } from '../../../src/extract/opencc-tables';
import * as OpenCC from 'opencc-js';

// The extractor's fast paths must give exactly what the plain computation gives.
// Texts: the founding article and short texts written for these tests.

const founding = parseTextPage(
  fs.readFileSync(path.join(__dirname, '../../../seeds/articles/udn-2025-10-21-rare-earth-report.txt'), 'utf8'),
  { origin: 'founding' },
);
const foundingNorm = normalizeText(articleText(founding)).norm;
const invented = [
  '水利處長陳信宏陪同說明，縣府今天表示將加速改善。',
  '台北市立動物園昨天宣布，園區將於下週恢復開放。',
  '球員史密斯·瓊斯攻下25分8籃板，率隊以98比91獲勝。',
  'ABC公司2025年營收成長12%，董事長王大明說明未來規劃。',
  '  空白  與\n換行\t也要保留 ',
];

describe('tagText (words from cut, tags from a cache filled by tag)', () => {
  test('gives the tokens and tags of jieba.tag on the same text', () => {
    const { jieba } = getSegmenter();
    for (const text of [foundingNorm, ...invented.map((t) => normalizeText(t).norm), ...foundingNorm.split('\n')]) {
      const expected = jieba.tag(text, true).map((t) => `${t.word}/${t.tag}`);
      // twice: the first call fills the cache, the second reads it
      for (let round = 0; round < 2; round++) expect(tagText(text).map((t) => `${t.word}/${t.tag}`)).toEqual(expected);
    }
  });

  test('token offsets index the text', () => {
    for (const t of tagText(foundingNorm)) expect(foundingNorm.slice(t.start, t.end)).toBe(t.word);
  });

  test("the text's tokens that end within the headline are the headline's own tokens (topics read them so)", () => {
    const headlines = [founding.title, '縣府宣布ABC計畫延長', '「颱風假」今天確定', '球員瓊斯25分'];
    for (const title of headlines)
      for (const body of [founding.paragraphs, invented]) {
        const norm = normalizeText(articleText({ title, paragraphs: body })).norm;
        const titleLength = codePointCount(title);
        const within = tagText(norm).filter((t) => t.end <= titleLength);
        expect(within.map((t) => `${t.start}:${t.word}/${t.tag}`)).toEqual(
          tagText(norm.slice(0, titleLength)).map((t) => `${t.start}:${t.word}/${t.tag}`),
        );
        expect(within.length).toBeGreaterThan(0);
      }
  });
});

describe('SurfaceTrie first-character index', () => {
  // enough forms for the index (built on the first scan), and forms added after it
  const forms = Array.from({ length: 150 }, (_, i) => `詞${String.fromCharCode(0x4e00 + i)}${i % 3 ? '甲' : ''}`);
  const bruteForce = (text: string, all: string[]) => {
    const out: string[] = [];
    for (let i = 0; i < text.length; i++)
      for (const f of [...new Set(all)].sort((a, b) => a.length - b.length)) if (text.startsWith(f, i)) out.push(`${i}:${f}`);
    return out;
  };

  test('scanAll finds what a brute-force search finds, also for forms added after a scan', () => {
    const trie = new SurfaceTrie<string>();
    for (const f of forms) trie.add(f, f);
    const text = forms.slice(0, 40).join('，') + '乙丙' + forms[149];
    const scan = (t: string) => trie.scanAll(t).map((m) => `${m.start}:${t.slice(m.start, m.end)}`);
    expect(scan(text)).toEqual(bruteForce(text, forms));
    // after the index exists: a new first character, and a new form under an old one
    trie.add('乙丙', '乙丙');
    trie.add(`${forms[0]}乙`, 'x');
    const later = `${text}${forms[0]}乙`;
    expect(scan(later)).toEqual(bruteForce(later, [...forms, '乙丙', `${forms[0]}乙`]));
    expect(trie.matchesAt(later, later.indexOf('乙丙')).map((m) => m.end - m.start)).toEqual([2]);
    expect(trie.matchesAt(later, later.length)).toEqual([]);
    expect(trie.matchesAt(later, -1)).toEqual([]);
  });

  test('longestEnd gives the end and values of longestAt, the longest brute-force form within the limit', () => {
    const trie = new SurfaceTrie<string>();
    for (const f of forms) trie.add(f, f);
    const text = `${forms[3]}乙${forms[7]}${forms[1]}`;
    for (let i = 0; i <= text.length; i++)
      for (const limit of [text.length, i + 1, i + 2]) {
        const longest = forms.filter((f) => i + f.length <= limit && text.startsWith(f, i)).sort((a, b) => b.length - a.length)[0];
        const end = trie.longestEnd(text, i, limit);
        expect(end).toBe(longest ? i + longest.length : -1);
        expect(trie.lastValues).toEqual(longest ? [longest] : undefined);
        expect(trie.longestAt(text, i, limit)).toEqual(longest ? { start: i, end, values: [longest] } : undefined);
      }
  });
});

describe('normalisation fast paths', () => {
  test('normalizeForm caches long forms with the same answer as normalizeText', () => {
    const long = '經濟部國際貿易署與臺灣區電機電子工業同業公會共同舉辦說明會'.repeat(2);
    expect(long.length).toBeGreaterThan(24);
    expect(normalizeForm(long)).toBe(normalizeText(long).norm);
    expect(normalizeForm(long)).toBe(normalizeText(long).norm);
    const tooLong = long.repeat(10);
    expect(normalizeForm(tooLong)).toBe(normalizeText(tooLong).norm);
  });

  test('normalizeKey is normalizeForm lower-cased, from its cache as from a fresh computation', () => {
    for (const form of ['國際羽球總會', 'ＡＢＣ電視台', 'Taipei City Government', '臺灣ＩＣ設計', 'x'.repeat(250)])
      for (let round = 0; round < 2; round++) expect(normalizeKey(form)).toBe(normalizeText(form).norm.toLowerCase());
    expect(normalizeKey('ＡＢＣ電視台')).toBe('abc电视台');
  });

  test('hanRatio counts Han characters and Latin letters by code unit; characters outside the BMP count as neither', () => {
    expect(hanRatio('')).toBe(0);
    expect(hanRatio('中文')).toBe(1);
    expect(hanRatio('abcde')).toBe(0);
    // 2 Han, 5 letters: 2 / (2 + 5 / 5)
    expect(hanRatio('中文 abcde')).toBeCloseTo(2 / 3);
    // compatibility ideographs (U+F900–U+FAFF) count as Han; 𠀀 (U+20000) and an emoji do not
    expect(hanRatio('\uf900\u{20000}\u{1f600}ab')).toBeCloseTo(1 / (1 + 2 / 5));
  });

  test('codePointCount counts what Array.from counts: pairs as one, lone surrogates as one', () => {
    for (const s of ['', '中文', 'a\u{20000}b', '\u{1f600}\u{1f600}', '\ud800', 'x\udc00y', '\udc00\ud800', '\ud800\ud800\udc00'])
      expect(codePointCount(s)).toBe(Array.from(s).length);
  });

  test('isSimplifiedText skips characters outside the BMP', () => {
    const hans = normalizeText('这是简体中文的新闻报道\u{20000}');
    expect(isSimplifiedText(hans.chars, hans.norm)).toBe(true);
    const hant = normalizeText('這是繁體中文的新聞報導\u{20000}');
    expect(isSimplifiedText(hant.chars, hant.norm)).toBe(false);
  });
});

describe('tw->cn over SurfaceTrie tables (opencc-tables.ts)', () => {
  const reference = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const fast = twToCnConverter();
  const config = (OpenCC.Locale as unknown as { configs: Record<string, Record<string, string[] | string[][]>> }).configs.tw2s;
  // every key of every dictionary, run together and one by one: phrases, overlaps, segment edges
  const keys = Object.values(config)
    .flat(2)
    .flatMap((d) => d.split('|').map((e) => e.split(' ')[0]));

  test('gives what opencc-js gives', () => {
    const texts = [
      articleText(founding),
      ...invented,
      keys.join(''),
      keys.join('，'),
      '',
      '臺',
      '𠀀臺灣𠀁乾隆乾燥',
      '\ud800臺\udc00灣',
      '⿰木木臺灣',
    ];
    for (const t of texts) expect(fast(t)).toBe(reference(t));
    for (const k of keys) expect(fast(k)).toBe(reference(k));
  });

  test('the check is not empty: the dictionaries convert', () => {
    expect(keys.length).toBeGreaterThan(1000);
    expect(fast('臺灣經濟發展')).toBe('台湾经济发展');
  });
});
