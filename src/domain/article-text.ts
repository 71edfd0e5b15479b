import type { Article } from './types';

/**
 * The text extraction reads and offsets point into: the headline, a blank line, then the body
 * paragraphs one per line. Captions, bylines and teasers are deliberately not part of it.
 */
export function articleText(article: Pick<Article, 'title' | 'paragraphs'>): string {
  return `${article.title}\n\n${article.paragraphs.join('\n')}`;
}

/** The words of text written with spaces: runs of letters and digits, NFKC-normalised and lower-cased. */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}
