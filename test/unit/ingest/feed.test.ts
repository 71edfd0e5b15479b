import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NewsGraphError } from '../../../src/domain';
import type { Article } from '../../../src/domain';
import { parseFeed } from '../../../src/ingest';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/ingest', name), 'utf8');
const articles = (items: Array<Article | NewsGraphError>): Article[] => items.filter((i): i is Article => !(i instanceof NewsGraphError));

describe('parseFeed', () => {
  it('reads RSS 2.0 items with HTML content, creators, categories and entities', () => {
    const items = parseFeed(fixture('feed-rss.xml'), { origin: 'feed-rss.xml' });
    expect(items).toHaveLength(3);
    const [first, second] = articles(items);
    expect(first.title).toBe('屏東黑鮪魚季開幕 首尾拍賣價創新高');
    expect(first.url).toBe('https://news.example.com.tw/story/20250501/1');
    expect(first.publishedAt).toBe('2025-05-01');
    expect(first.authors).toEqual([{ name: '郭家豪', role: 'author' }]);
    expect(first.tags).toEqual(['地方', '漁業']);
    expect(first.paragraphs).toEqual([
      '屏東縣東港鎮今天舉行黑鮪魚季開幕活動，首尾黑鮪魚拍賣每公斤價格創下歷年新高。',
      '縣府表示，今年漁獲量可望比去年增加兩成。',
    ]);
    expect(first.language).toBe('zh-Hant');
    expect(second.title).toBe('宜蘭綠色博覽會湧入人潮 & 周邊交通壅塞');
    expect(second.source).toBe('範例新聞網 即時新聞');
    const bad = items[2] as NewsGraphError;
    expect(bad).toBeInstanceOf(NewsGraphError);
    expect(bad.origin).toBe('feed-rss.xml#3');
  });

  it('reads Atom entries with summary or escaped HTML content', () => {
    const [drought, metro] = articles(parseFeed(fixture('feed-atom.xml'), { origin: 'feed-atom.xml' }));
    expect(drought.title).toBe('Drought forces rice farmers to leave fields fallow');
    expect(drought.url).toBe('https://wire.example.org/2025/07/01/drought-rice');
    expect(drought.authors).toEqual([{ name: 'Priya Raman', role: 'author' }]);
    expect(drought.tags).toEqual(['agriculture']);
    expect(drought.publishedAt).toBe('2025-07-01T09:00:00Z');
    expect(drought.language).toBe('en');
    expect(metro.publishedAt).toBe('2025-07-01T11:00:00Z');
    expect(metro.paragraphs).toEqual([
      'The eastern extension of the metro opened on Tuesday, two months ahead of schedule.',
      'Officials said it would cut commuting times by 20 minutes.',
    ]);
    expect(metro.source).toBe('Example Wire');
  });

  it('reports malformed XML with its line', () => {
    const [err] = parseFeed('<rss><channel><item><title>x</title></channel></rss>', { origin: 'broken.xml' });
    expect(err).toBeInstanceOf(NewsGraphError);
    expect((err as NewsGraphError).message).toMatch(/^broken\.xml: malformed XML: .*line \d+/);
  });

  it('refuses well-formed XML that is not a feed', () => {
    const [err] = parseFeed('<?xml version="1.0"?><catalog><book/></catalog>', { origin: 'books.xml' });
    expect((err as NewsGraphError).message).toMatch(/not an RSS or Atom feed/);
  });
});
