/**
 * A character trie keyed by UTF-16 unit (the normalised text has one unit per code point), so a
 * scan over n characters costs O(n * longest form) instead of O(n * number of forms). Units are
 * numbers (`charCodeAt`), so walking the text allocates nothing until a form matches.
 *
 * Nodes are numbers (the root is 0) and every edge (parent, unit) -> child lives in one
 * open-addressing hash table, an Int32Array of [parent, unit, child] triples: a step is one
 * probe into one array rather than a Map per node, which matters because the scans ask at every
 * character of every article.
 */

export interface TrieMatch<T> {
  start: number;
  end: number;
  values: T[];
}

const NO_MATCHES: never[] = [];
const FIRST_INDEX_MIN = 100;
/** An empty slot of the edge table (no node has this id as parent). */
const EMPTY = -1;

export class SurfaceTrie<T> {
  /** values[node]: the values of the form that ends at that node. */
  private readonly values: (T[] | undefined)[] = [undefined];
  private nodes = 1;
  /** Edge table: slot i holds parent at 3i, unit at 3i+1, child at 3i+2; capacity a power of two. */
  private edges = new Int32Array(3 * 16).fill(EMPTY);
  private mask = 15;
  private edgeCount = 0;
  /**
   * The root's children again, indexed by code unit (0 = none), for the large lexicon tries: a
   * scan asks at every position of the text and most positions start no form, so that first step
   * is an array read rather than a probe. Built on the first scan of a trie of FIRST_INDEX_MIN
   * forms or more (a small per-article trie keeps the table alone).
   */
  private first?: Int32Array;
  size = 0;

  private slot(parent: number, unit: number): number {
    let h = Math.imul(parent, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b);
    h ^= h >>> 15;
    return h & this.mask;
  }

  /** The child of `parent` by `unit`, or 0 when there is none (the root is never a child). */
  private child(parent: number, unit: number): number {
    const edges = this.edges;
    const mask = this.mask;
    for (let i = this.slot(parent, unit); ; i = (i + 1) & mask) {
      const p = edges[3 * i];
      if (p === EMPTY) return 0;
      if (p === parent && edges[3 * i + 1] === unit) return edges[3 * i + 2];
    }
  }

  private insertEdge(parent: number, unit: number, child: number): void {
    const edges = this.edges;
    const mask = this.mask;
    let i = this.slot(parent, unit);
    while (edges[3 * i] !== EMPTY) i = (i + 1) & mask;
    edges[3 * i] = parent;
    edges[3 * i + 1] = unit;
    edges[3 * i + 2] = child;
    this.edgeCount++;
  }

  private grow(): void {
    const old = this.edges;
    this.mask = this.mask * 2 + 1;
    this.edges = new Int32Array(3 * (this.mask + 1)).fill(EMPTY);
    this.edgeCount = 0;
    for (let i = 0; i < old.length; i += 3) if (old[i] !== EMPTY) this.insertEdge(old[i], old[i + 1], old[i + 2]);
  }

  add(form: string, value: T): void {
    if (!form) return;
    let node = 0;
    for (let i = 0; i < form.length; i++) {
      const unit = form.charCodeAt(i);
      let next = this.child(node, unit);
      if (!next) {
        // keep the table at most half full: probes stay short
        if (2 * (this.edgeCount + 1) > this.mask + 1) this.grow();
        next = this.nodes++;
        this.values.push(undefined);
        this.insertEdge(node, unit, next);
        if (node === 0 && this.first) this.first[unit] = next;
      }
      node = next;
    }
    let values = this.values[node];
    if (!values) {
      values = this.values[node] = [];
      this.size++;
    }
    if (!values.includes(value)) values.push(value);
  }

  /** The values of exactly this form (undefined when it is not one). */
  get(form: string): T[] | undefined {
    if (!form) return undefined;
    let node = 0;
    for (let i = 0; i < form.length; i++) {
      node = this.child(node, form.charCodeAt(i));
      if (!node) return undefined;
    }
    return this.values[node];
  }

  /** Whether `form` is one of the forms, whole. */
  has(form: string): boolean {
    return this.get(form) !== undefined;
  }

  /** The root's child for the unit at text[i] (0 when none, or past the end). */
  private rootChild(text: string, i: number): number {
    if (i >= text.length) return 0;
    const unit = text.charCodeAt(i);
    return this.first ? this.first[unit] : this.child(0, unit);
  }

  private indexFirst(): void {
    if (this.first || this.size < FIRST_INDEX_MIN) return;
    const first = new Int32Array(0x10000);
    const edges = this.edges;
    for (let i = 0; i < edges.length; i += 3) if (edges[i] === 0) first[edges[i + 1]] = edges[i + 2];
    this.first = first;
  }

  /** Every form starting at `start`, shortest first. */
  matchesAt(text: string, start: number): TrieMatch<T>[] {
    this.indexFirst();
    if (!this.rootChild(text, start)) return NO_MATCHES;
    const out: TrieMatch<T>[] = [];
    this.collectAt(text, start, out);
    return out;
  }

  /** Appends every form starting at `start` to `out`, shortest first. */
  private collectAt(text: string, start: number, out: TrieMatch<T>[]): void {
    let node = this.rootChild(text, start);
    for (let j = start + 1; node; j++) {
      const values = this.values[node];
      if (values) out.push({ start, end: j, values });
      if (j >= text.length) break;
      node = this.child(node, text.charCodeAt(j));
    }
  }

  /** The longest form starting at `start` that ends by `limit` (undefined when there is none). */
  longestAt(text: string, start: number, limit = text.length): TrieMatch<T> | undefined {
    const end = this.longestEnd(text, start, limit);
    return end < 0 ? undefined : { start, end, values: this.lastValues! };
  }

  /**
   * The values of the form the last `longestEnd` found (undefined after one that found none).
   * Read right after the call: the next call overwrites it.
   */
  lastValues: T[] | undefined;

  /**
   * The end of `longestAt(text, start, limit)` (-1 when there is none), its values in
   * `lastValues`: no match object is made, for the scans that only step over the forms.
   */
  longestEnd(text: string, start: number, limit = text.length): number {
    this.indexFirst();
    let node = start < limit ? this.rootChild(text, start) : 0;
    let bestEnd = -1;
    let best: T[] | undefined;
    for (let j = start + 1; node; j++) {
      const values = this.values[node];
      if (values) {
        bestEnd = j;
        best = values;
      }
      if (j >= limit) break;
      node = this.child(node, text.charCodeAt(j));
    }
    this.lastValues = best;
    return bestEnd;
  }

  /** The longest form starting at each position (overlaps allowed; callers resolve them). */
  scanLongest(text: string): TrieMatch<T>[] {
    const out: TrieMatch<T>[] = [];
    for (let i = 0; i < text.length; i++) {
      const m = this.longestAt(text, i);
      if (m) out.push(m);
    }
    return out;
  }

  /** Every form at every position. */
  scanAll(text: string): TrieMatch<T>[] {
    this.indexFirst();
    const out: TrieMatch<T>[] = [];
    for (let i = 0; i < text.length; i++) if (this.rootChild(text, i)) this.collectAt(text, i, out);
    return out;
  }
}
