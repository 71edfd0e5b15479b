/**
 * A character trie keyed by UTF-16 unit (the normalised text has one unit per code point), so a
 * scan over n characters costs O(n * longest form) instead of O(n * number of forms).
 */

interface Node<T> {
  next: Map<string, Node<T>>;
  values?: T[];
}

export interface TrieMatch<T> {
  start: number;
  end: number;
  values: T[];
}

export class SurfaceTrie<T> {
  private readonly root: Node<T> = { next: new Map() };
  size = 0;

  add(form: string, value: T): void {
    if (!form) return;
    let node = this.root;
    for (const ch of form) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    if (!node.values) {
      node.values = [];
      this.size++;
    }
    if (!node.values.includes(value)) node.values.push(value);
  }

  /** Every form starting at `start`, shortest first. */
  matchesAt(text: string, start: number): TrieMatch<T>[] {
    const out: TrieMatch<T>[] = [];
    let node: Node<T> | undefined = this.root;
    for (let i = start; i < text.length; i++) {
      node = node.next.get(text[i]);
      if (!node) break;
      if (node.values) out.push({ start, end: i + 1, values: node.values });
    }
    return out;
  }

  /** The longest form starting at each position (overlaps allowed; callers resolve them). */
  scanLongest(text: string): TrieMatch<T>[] {
    const out: TrieMatch<T>[] = [];
    for (let i = 0; i < text.length; i++) {
      if (!this.root.next.has(text[i])) continue;
      const all = this.matchesAt(text, i);
      if (all.length) out.push(all[all.length - 1]);
    }
    return out;
  }

  /** Every form at every position. */
  scanAll(text: string): TrieMatch<T>[] {
    const out: TrieMatch<T>[] = [];
    for (let i = 0; i < text.length; i++) {
      if (!this.root.next.has(text[i])) continue;
      out.push(...this.matchesAt(text, i));
    }
    return out;
  }
}
