import nlp from 'compromise';

type View = ReturnType<typeof nlp>;

let last: { text: string; view: View } | undefined;

/**
 * One compromise parse per text: the entity pass and the topic pass both read it, and parsing
 * is most of the cost of English extraction. Only the latest text is kept, so memory stays flat
 * and output does not depend on what was extracted before.
 */
export function parseEnglish(text: string): View {
  if (last?.text !== text) last = { text, view: nlp(text) };
  return last.view;
}
