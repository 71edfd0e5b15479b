/**
 * A fixed list of words indexed by first and last character, to ask "does one of them start (or
 * end) at this offset" without trying every word: the recognizers ask it at every character.
 */
export class WordList {
  // keyed by UTF-16 unit: the recognizers ask at every character, and a character code needs no
  // one-character string to be made and hashed
  private readonly byFirst = new Map<number, string[]>();
  private readonly byLast = new Map<number, string[]>();

  constructor(words: Iterable<string>) {
    for (const w of new Set(words)) {
      if (!w) continue;
      const f = w.charCodeAt(0);
      const l = w.charCodeAt(w.length - 1);
      this.byFirst.set(
        f,
        [...(this.byFirst.get(f) ?? []), w].sort((a, b) => b.length - a.length),
      );
      this.byLast.set(
        l,
        [...(this.byLast.get(l) ?? []), w].sort((a, b) => b.length - a.length),
      );
    }
  }

  /** The longest word starting at `pos`, if any. */
  startingAt(s: string, pos: number): string | undefined {
    // past either end charCodeAt gives NaN, which no list is keyed by
    const ws = this.byFirst.get(s.charCodeAt(pos));
    if (ws) for (const w of ws) if (s.startsWith(w, pos)) return w;
    return undefined;
  }

  startsAt(s: string, pos: number): boolean {
    return this.startingAt(s, pos) !== undefined;
  }

  /** Whether a word ends right before `pos`. */
  endsAt(s: string, pos: number): boolean {
    const ws = this.byLast.get(s.charCodeAt(pos - 1));
    if (ws) for (const w of ws) if (pos - w.length >= 0 && s.startsWith(w, pos - w.length)) return true;
    return false;
  }
}
