/** Ingest: raw input (page text, HTML, JSON, feeds; files, directories, stdin) -> clean Articles. */
export { parseTextPage, isHeadlineLike } from './text-page';
export type { TextPageOptions } from './text-page';
export { parseHtmlPage } from './html-page';
export type { HtmlPageOptions } from './html-page';
export { parseJsonBatch } from './json-batch';
export { parseFeed } from './feed';
export { fromInput, toArticleInput } from './from-input';
export type { ArticleInput } from './from-input';
export { readInputs, countInputs, parseAny, detectFormat, isSidecar, DEFAULT_MAX_BYTES } from './read-inputs';
export type { InputItem, InputFormat, ReadInputsOptions, InputSelection, SkipReason } from './read-inputs';
export { decodeBuffer } from './encoding';
export { detectLanguage, normalizeLanguageTag } from './language';
export { articleId, canonicalUrl } from './article-id';
export { matchByline, matchCaption } from './byline';
export { outletFromName, outletFromUrl } from './outlets';
