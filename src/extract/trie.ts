/**
 * A character trie keyed by UTF-16 unit (the normalised text has one unit per code point), so a
 * scan over n characters costs O(n * longest form) instead of O(n * number of forms). Units are
 * numbers (`charCodeAt`), so walking the text allocates nothing until a form matches.
 */

interface Node<T> {
  next: Map<number, Node<T>>;
  values?: T[];
}

export interface TrieMatch<T> {
  start: number;
  end: number;
  values: T[];
}

const NO_MATCHES: never[] = [];
const FIRST_INDEX_MIN = 100;

export class SurfaceTrie<T> {
  private readonly root: Node<T> = { next: new Map() };
  /**
   * The root's children again, indexed by code unit, for the large lexicon tries: a scan asks at
   * every position of the text and most positions start no form, so that first step is an array
   * read rather than a map lookup. Built on the first scan of a trie of FIRST_INDEX_MIN forms or
   * more (a small per-article trie keeps the map alone).
   */
  private first?: (Node<T> | undefined)[];
  size = 0;

  add(form: string, value: T): void {
    if (!form) return;
    let node = this.root;
    for (let i = 0; i < form.length; i++) {
      const unit = form.charCodeAt(i);
      let child = node.next.get(unit);
      if (!child) {
        child = { next: new Map() };
        node.next.set(unit, child);
        if (node === this.root && this.first) this.first[unit] = child;
      }
      node = child;
    }
    if (!node.values) {
      node.values = [];
      this.size++;
    }
    if (!node.values.includes(value)) node.values.push(value);
  }

  /** The values of exactly this form (undefined when it is not one). */
  get(form: string): T[] | undefined {
    let node: Node<T> | undefined = this.root;
    for (let i = 0; i < form.length && node; i++) node = node.next.get(form.charCodeAt(i));
    return node && form ? node.values : undefined;
  }

  /** Whether `form` is one of the forms, whole. */
  has(form: string): boolean {
    return this.get(form) !== undefined;
  }

  private rootChild(unit: number): Node<T> | undefined {
    // charCodeAt past either end gives NaN, which neither index holds
    return this.first ? this.first[unit] : this.root.next.get(unit);
  }

  private indexFirst(): void {
    if (this.first || this.size < FIRST_INDEX_MIN) return;
    const first = new Array<Node<T> | undefined>(0x10000).fill(undefined);
    for (const [unit, child] of this.root.next) first[unit] = child;
    this.first = first;
  }

  /** Every form starting at `start`, shortest first. */
  matchesAt(text: string, start: number): TrieMatch<T>[] {
    this.indexFirst();
    if (!this.rootChild(text.charCodeAt(start))) return NO_MATCHES;
    const out: TrieMatch<T>[] = [];
    this.collectAt(text, start, out);
    return out;
  }

  /** Appends every form starting at `start` to `out`, shortest first. */
  private collectAt(text: string, start: number, out: TrieMatch<T>[]): void {
    let node: Node<T> | undefined = this.rootChild(text.charCodeAt(start));
    for (let j = start + 1; node; j++) {
      if (node.values) out.push({ start, end: j, values: node.values });
      if (j >= text.length) break;
      node = node.next.get(text.charCodeAt(j));
    }
  }

  /** The longest form starting at each position (overlaps allowed; callers resolve them). */
  scanLongest(text: string): TrieMatch<T>[] {
    this.indexFirst();
    const out: TrieMatch<T>[] = [];
    for (let i = 0; i < text.length; i++) {
      let node: Node<T> | undefined = this.rootChild(text.charCodeAt(i));
      let best: TrieMatch<T> | undefined;
      for (let j = i + 1; node; j++) {
        if (node.values) best = { start: i, end: j, values: node.values };
        if (j >= text.length) break;
        node = node.next.get(text.charCodeAt(j));
      }
      if (best) out.push(best);
    }
    return out;
  }

  /** Every form at every position. */
  scanAll(text: string): TrieMatch<T>[] {
    this.indexFirst();
    const out: TrieMatch<T>[] = [];
    for (let i = 0; i < text.length; i++) this.collectAt(text, i, out);
    return out;
  }
}
