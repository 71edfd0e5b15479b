import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtmlPage } from '../../../src/ingest';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/ingest', name), 'utf8');

describe('parseHtmlPage', () => {
  describe('a Chinese page with JSON-LD', () => {
    const a = parseHtmlPage(fixture('article-jsonld.html'), { origin: 'article-jsonld.html' });

    it('takes headline, dates, publisher, keywords and language from the metadata', () => {
      expect(a.title).toBe('花蓮縣新建自行車道啟用 串連三處海岸景點');
      expect(a.publishedAt).toBe('2025-04-12T09:30:00+08:00');
      expect(a.source).toBe('範例新聞網');
      expect(a.tags).toEqual(['花蓮', '自行車道', '觀光']);
      expect(a.language).toBe('zh-Hant');
    });

    it('uses the canonical URL without tracking parameters and a lowercase host', () => {
      expect(a.url).toBe('https://news.example.com.tw/story/20250412/889900');
      expect(a.id).toMatch(/^a_[0-9a-f]{16}$/);
    });

    it('takes the metadata author and the photographer from the figure credit', () => {
      expect(a.authors).toEqual([
        { name: '林雅婷', role: 'author' },
        { name: '陳建宏', role: 'photographer' },
      ]);
    });

    it('keeps the three article paragraphs and nothing from nav, sidebar, byline or footer', () => {
      expect(a.paragraphs).toHaveLength(3);
      expect(a.paragraphs[0].startsWith('花蓮縣政府今天上午舉行濱海自行車道啟用典禮')).toBe(true);
      const body = a.paragraphs.join('\n');
      for (const noise of ['首頁', '熱門新聞', '某明星', '記者林雅婷', '版權所有', '新啟用的自行車道']) expect(body).not.toContain(noise);
    });

    it('keeps the figure caption apart, without its credit', () => {
      expect(a.captions).toEqual(['新啟用的自行車道沿著海岸線延伸。']);
    });
  });

  describe('an English page with OpenGraph only', () => {
    const a = parseHtmlPage(fixture('article-og.html'), { origin: 'article-og.html' });

    it('reads OpenGraph metadata and drops the fragment from og:url', () => {
      expect(a.title).toBe('Harbour city opens its first floating solar farm');
      expect(a.url).toBe('https://www.example-times.com/news/2025/05/02/floating-solar');
      expect(a.publishedAt).toBe('2025-05-02T08:00:00Z');
      expect(a.source).toBe('Example Times');
      expect(a.tags).toEqual(['energy', 'solar']);
    });

    it('falls back to the text byline when the metadata names no author', () => {
      expect(a.authors).toEqual([{ name: 'Daniel Okafor', role: 'reporter' }]);
      expect(a.language).toBe('en');
    });

    it('leaves byline and copyright out of the body', () => {
      expect(a.paragraphs).toHaveLength(3);
      expect(a.paragraphs.join(' ')).not.toMatch(/By Daniel|Copyright/);
    });
  });

  it('uses the <title> without the site name when nothing better exists', () => {
    const a = parseHtmlPage(
      '<html><head><title>Ferry service resumes after storm | Coastal Post</title></head><body><p>Ferries between the two islands resumed on Sunday after a three-day suspension caused by high waves, the operator said.</p></body></html>',
    );
    expect(a.title).toBe('Ferry service resumes after storm');
    expect(a.paragraphs).toHaveLength(1);
  });

  it('rejects text that has no HTML in it', () => {
    expect(() => parseHtmlPage('just some words, no markup', { origin: 'x.html' })).toThrow(/x\.html: malformed HTML/);
  });

  it('rejects a page without any headline', () => {
    expect(() => parseHtmlPage('<html><body><p>一段沒有標題的文字。</p></body></html>', { origin: 'y.html' })).toThrow(
      /y\.html: missing title/,
    );
  });

  it('rejects an empty page', () => {
    expect(() => parseHtmlPage('   ', { origin: 'z.html' })).toThrow(/z\.html: empty file/);
  });
});
