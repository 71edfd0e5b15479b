import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NewsGraphError } from '../../../src/domain';
import type { Article } from '../../../src/domain';
import { fromInput, parseJsonBatch } from '../../../src/ingest';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/ingest', name), 'utf8');
const articles = (items: Array<Article | NewsGraphError>): Article[] => items.filter((i): i is Article => !(i instanceof NewsGraphError));
const errors = (items: Array<Article | NewsGraphError>): NewsGraphError[] =>
  items.filter((i): i is NewsGraphError => i instanceof NewsGraphError);

describe('parseJsonBatch', () => {
  it('reads a JSON array and reports the bad item by index without sinking the batch', () => {
    const items = parseJsonBatch(fixture('batch.json'), { origin: 'batch.json' });
    expect(items).toHaveLength(3);
    const [zh, en] = articles(items);
    expect(zh.title).toBe('台南鹽水蜂炮今晚登場 警方加強交通管制');
    expect(zh.url).toBe('https://www.example.com/news/1001');
    expect(zh.paragraphs).toEqual([
      '台南市鹽水區年度蜂炮活動今晚登場，預計吸引上萬名遊客。',
      '警方表示，活動期間將實施交通管制，呼籲民眾多利用接駁車。',
    ]);
    expect(zh.authors).toEqual([{ name: '蔡文華', role: 'author' }]);
    expect(zh.source).toBe('範例日報');
    expect(zh.publishedAt).toBe('2025-02-12');
    expect(en.language).toBe('en');
    expect(en.publishedAt).toBe('2025-02-11T10:00:00+08:00');
    const [bad] = errors(items);
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect(bad.message).toMatch(/^batch\.json#3: missing title/);
  });

  it('reads NDJSON and names the malformed line', () => {
    const items = parseJsonBatch(fixture('batch.ndjson'), { origin: 'batch.ndjson' });
    expect(articles(items).map((a) => a.title)).toEqual([
      '嘉義縣推動高鐵站周邊開發 招商說明會吸引百家廠商',
      'Port city bans cruise ships from old harbour',
    ]);
    expect(articles(items)[0].language).toBe('zh-Hant');
    expect(errors(items).map((e) => e.origin)).toEqual(['batch.ndjson:3']);
  });

  it('accepts a single object and an {articles: [...]} wrapper', () => {
    const one = parseJsonBatch('{"title":"單一物件新聞標題","body":"內容一段。"}', { origin: 'one.json' });
    expect(articles(one)).toHaveLength(1);
    const wrapped = parseJsonBatch(
      '{"articles":[{"title":"Wrapped item one","body":"Text."},{"title":"Wrapped item two","body":"Text."}]}',
    );
    expect(articles(wrapped)).toHaveLength(2);
  });

  it('reports malformed JSON as one error naming the file', () => {
    const items = parseJsonBatch('{"title": "unterminated",\n  "body": ', { origin: 'bad.json' });
    expect(items).toHaveLength(1);
    expect(errors(items)[0].message).toMatch(/^bad\.json: malformed JSON/);
  });

  it('reports an empty file', () => {
    expect(errors(parseJsonBatch('  ', { origin: 'e.json' }))[0].message).toBe('e.json: empty file');
  });
});

describe('fromInput', () => {
  it('cleans bylines out of a scraped body but lets explicit fields win', () => {
    const a = fromInput(
      {
        title: '高雄輕軌環狀線全線通車',
        body: '記者李明哲／高雄報導\n高雄輕軌環狀線今天全線通車，市長出席典禮。',
        source: '範例日報',
        language: 'zh-Hant',
        publishedAt: '2025-01-01',
      },
      'api',
    );
    expect(a.paragraphs).toEqual(['高雄輕軌環狀線今天全線通車，市長出席典禮。']);
    expect(a.authors).toEqual([{ name: '李明哲', role: 'reporter' }]);
    expect(a.source).toBe('範例日報');
    expect(a.origin).toBe('api');
  });

  it('builds an article from html when there is no body', () => {
    const a = fromInput({
      title: 'Library extends opening hours',
      html: '<p>The central library will stay open until midnight during exam season, the city said.</p>',
    });
    expect(a.paragraphs).toEqual(['The central library will stay open until midnight during exam season, the city said.']);
    expect(a.language).toBe('en');
  });

  it('refuses wrong field types, missing text and unreadable dates', () => {
    expect(() => fromInput({ title: 'X title here', body: 'Body.', authors: 5 as unknown as string[] }, 'i')).toThrow(/must be a list/);
    expect(() => fromInput({ title: 'Only a title' }, 'i')).toThrow(/missing body/);
    expect(() => fromInput({ title: 'A title', body: 'Body text.', publishedAt: 'yesterday-ish' }, 'i')).toThrow(/unreadable publishedAt/);
    expect(() => fromInput('not an object' as unknown as object, 'i')).toThrow(/must be a JSON object/);
  });

  it('gives the same id to the same URL with tracking noise', () => {
    const a = fromInput({ url: 'https://Example.com/n/1?utm_source=x#frag', title: 'Same story', body: 'Text one.' });
    const b = fromInput({ url: 'https://example.com/n/1', title: 'Same story, new headline', body: 'Text two.' });
    expect(a.id).toBe(b.id);
  });
});
