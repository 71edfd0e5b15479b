import { articleId, canonicalUrl } from '../../../src/ingest';

describe('canonicalUrl', () => {
  it('drops fragments and tracking parameters and lowercases the host', () => {
    expect(canonicalUrl('https://UDN.com/news/story/1/2?utm_source=fb&utm_medium=x&fbclid=abc#comments')).toBe(
      'https://udn.com/news/story/1/2',
    );
  });

  it('keeps parameters that identify the article, in a stable order', () => {
    expect(canonicalUrl('https://example.com/view?id=42&utm_campaign=z&cat=3')).toBe('https://example.com/view?cat=3&id=42');
  });

  it('rejects what is not an http(s) URL', () => {
    expect(canonicalUrl('not a url')).toBeUndefined();
    expect(canonicalUrl('ftp://example.com/a')).toBeUndefined();
  });
});

describe('articleId', () => {
  const base = { title: '標題', paragraphs: ['第一段。'] };

  it('is a short readable hash', () => {
    expect(articleId(base)).toMatch(/^a_[0-9a-f]{16}$/);
  });

  it('depends only on the canonical URL when there is one', () => {
    const a = articleId({ ...base, url: 'https://example.com/n/1?utm_source=x' });
    const b = articleId({ title: '另一個標題', paragraphs: ['別的內容。'], url: 'http://EXAMPLE.com/n/1#top' });
    expect(a).toBe(b);
  });

  it('depends on outlet, title and body when there is no URL', () => {
    expect(articleId(base)).not.toBe(articleId({ ...base, source: '聯合報' }));
    expect(articleId(base)).not.toBe(articleId({ ...base, paragraphs: ['第二段。'] }));
    expect(articleId(base)).toBe(articleId({ title: '標題', paragraphs: ['第一段。'] }));
  });
});
