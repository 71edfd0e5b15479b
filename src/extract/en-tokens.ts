/**
 * A light English tokenizer: words with their offsets (one UTF-16 unit per code point in the
 * normalised text, so offsets are code-point offsets), whether they are capitalised, whether
 * they carry a possessive, and what separates them from the word before. One regular-expression
 * pass; the recognisers read these tokens instead of parsing the text.
 */
export interface EnToken {
  /** The word as written, possessive included ("Japan's"). */
  text: string;
  /** The word without a possessive ending. */
  word: string;
  start: number;
  end: number;
  /** First letter upper-case. */
  cap: boolean;
  /** Ends in 's / ’s. */
  poss: boolean;
  /** What stands between the previous token and this one (" ", ", ", "\n" ...). */
  gap: string;
  /** First word of a sentence or a line: its capital says nothing. */
  initial: boolean;
  /** Index of the line (paragraph) the token is on. */
  line: number;
}

const WORD_RE = /[\p{L}\p{N}]+(?:[.'’&\-][\p{L}\p{N}]+)*(?:['’]s\b)?/gu;
const CAP_RE = /^\p{Lu}/u;

export function tokenizeEnText(text: string): EnToken[] {
  const out: EnToken[] = [];
  let prevEnd = 0;
  let line = 0;
  const re = new RegExp(WORD_RE.source, 'gu');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const t = m[0];
    const gap = text.slice(prevEnd, m.index);
    if (gap.includes('\n')) line += gap.split('\n').length - 1;
    const poss = /['’]s$/.test(t) && t.length > 2;
    const initial = !out.length || /[\n]|[.!?]["”’)]?\s*$|^\s*["“]\s*$/.test(gap) || /[.!?:]\s*["“]?\s*$/.test(gap);
    out.push({
      text: t,
      word: poss ? t.slice(0, -2) : t,
      start: m.index,
      end: m.index + t.length,
      cap: CAP_RE.test(t),
      poss,
      gap,
      initial,
      line,
    });
    prevEnd = m.index + t.length;
  }
  return out;
}

/**
 * Lines that read as headings rather than sentences: short, no closing punctuation, and most
 * words capitalised ("Taiwan Ends Season With Record Exports"). Names in them are taken only
 * when the body names them too.
 */
export function headingLines(text: string, tokens: EnToken[]): Set<number> {
  const lines = text.split('\n');
  const byLine = new Map<number, EnToken[]>();
  for (const t of tokens) {
    const list = byLine.get(t.line);
    if (list) list.push(t);
    else byLine.set(t.line, [t]);
  }
  const out = new Set<number>();
  for (const [i, toks] of byLine) {
    const raw = lines[i]?.trim() ?? '';
    if (!toks.length || toks.length > 14 || /[.!?:;"”’)]$/.test(raw)) continue;
    const long = toks.filter((t) => t.word.length > 3 && /^\p{L}/u.test(t.word));
    if (long.length >= 2 && long.filter((t) => t.cap).length / long.length >= 0.75) out.add(i);
  }
  return out;
}
