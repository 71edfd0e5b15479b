/**
 * The one resolver of the Chinese pass: every recognizer (lexicon forms, the name model, the
 * transliteration model, role cues, the head-noun grammar, known names) proposes candidate
 * spans; this picks the non-overlapping ones by a fixed policy, then applies them.
 */
/** A span some detector proposes; the longest spans win, then the higher priority. */
export interface Candidate {
  start: number;
  end: number;
  priority: number;
  apply: () => void;
}

/** Keeps the non-overlapping candidates: longest first, then by priority, then leftmost. */
export function resolve(cands: Candidate[]): void {
  cands.sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const taken: [number, number][] = [];
  const used = new Uint8Array(cands.reduce((m, c) => Math.max(m, c.end), 0) + 1);
  for (const c of cands) {
    let free = true;
    for (let i = c.start; i < c.end; i++)
      if (used[i]) {
        free = false;
        break;
      }
    if (!free) continue;
    for (let i = c.start; i < c.end; i++) used[i] = 1;
    taken.push([c.start, c.end]);
    c.apply();
  }
}
