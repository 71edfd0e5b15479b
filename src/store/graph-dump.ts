import neo4j from 'neo4j-driver';
import { NewsGraphError, badInput } from '../domain/errors';
import type { Executor, Query, Row } from './executor';
import { BUILD_ARTICLE_DAYS } from './article-counts';
import { RECOUNT_ALL } from './entity-counts';
import { FILL_BAND_AT } from './fingerprint';
import { ENTITY_LABELS, RELATION_LABELS } from './labels';
import { REBUILD_SUMMARIES, SUMMARY } from './relation-summaries';

/**
 * The whole graph as NDJSON, and back: backups, and moving from the embedded Neo4j to a server or
 * Aura. One line per node, one line per group of relationships of one type between two nodes,
 * a header first and a trailer with the counts last (so that a cut file is refused). Both
 * directions stream: the export reads one label or relationship type at a time through the
 * driver's back-pressured result, the import writes batches of lines, one transaction each.
 */

export const DUMP_FORMAT = 1;

/** Every node label the store writes (each with a unique `id`); an export refuses others. */
const NODE_LABELS = {
  Article: 'Article',
  Entity: 'Entity',
  Outlet: 'Outlet',
  Redirect: 'Redirect',
  Story: 'Story',
  StoryRedirect: 'StoryRedirect',
  // curation (curation-writes.ts, edits.ts): the audit trail and the rules ingestion obeys
  Edit: 'Edit',
  EditCounter: 'EditCounter',
  ArticleRedirect: 'ArticleRedirect',
  DeletedEntity: 'DeletedEntity',
  RejectedRelation: 'RejectedRelation',
  BlockedForm: 'BlockedForm',
  // the change feed (change-feed.ts) and the data migrations already run (schema.ts)
  Change: 'Change',
  Migration: 'Migration',
} as const;
export type NodeLabel = keyof typeof NODE_LABELS;

/**
 * Nodes derived from the rest of the graph, neither exported nor imported: the import rebuilds
 * them (RECOUNT_ALL, see entity-counts.ts; BUILD_ARTICLE_DAYS, article-counts.ts).
 */
const DERIVED_LABELS = ['EntityDay', 'EntityWeek', 'ArticleDay'];
const isNodeLabel = (s: unknown): s is NodeLabel => typeof s === 'string' && Object.prototype.hasOwnProperty.call(NODE_LABELS, s);

/** Second labels a node may carry: the entity kinds. */
const SUB_LABELS: Record<NodeLabel, readonly string[]> = {
  Article: [],
  Entity: Object.values(ENTITY_LABELS),
  Outlet: [],
  Redirect: [],
  Story: [],
  StoryRedirect: [],
  Edit: [],
  EditCounter: [],
  ArticleRedirect: [],
  DeletedEntity: [],
  RejectedRelation: [],
  BlockedForm: [],
  Change: [],
  Migration: [],
};

interface RelKind {
  type: string;
  from: NodeLabel;
  to: NodeLabel;
}

const entityToEntity = (type: string): RelKind => ({ type, from: 'Entity', to: 'Entity' });

/** Every relationship type the store writes, with the labels at its ends. */
const REL_KINDS: Record<string, RelKind> = {
  MENTIONS: { type: 'MENTIONS', from: 'Article', to: 'Entity' },
  CREDITS: { type: 'CREDITS', from: 'Article', to: 'Entity' },
  LINKS_TO: { type: 'LINKS_TO', from: 'Article', to: 'Article' },
  DUPLICATE_OF: { type: 'DUPLICATE_OF', from: 'Article', to: 'Article' },
  PUBLISHED_BY: { type: 'PUBLISHED_BY', from: 'Article', to: 'Outlet' },
  IN_STORY: { type: 'IN_STORY', from: 'Article', to: 'Story' },
  FOLLOWS: { type: 'FOLLOWS', from: 'Story', to: 'Story' },
  SUBTOPIC_OF: entityToEntity('SUBTOPIC_OF'),
  CO_OCCURS: entityToEntity('CO_OCCURS'),
  ...Object.fromEntries(Object.values(RELATION_LABELS).map((t) => [t, entityToEntity(t)])),
};
const isRelType = (s: unknown): s is string => typeof s === 'string' && Object.prototype.hasOwnProperty.call(REL_KINDS, s);

/** How a property value that JSON cannot tell apart is written: integers, dates, times. */
type TypeTag = 'int' | 'int[]' | 'date' | 'datetime' | 'localdatetime';
const TYPE_TAGS: Record<string, TypeTag | null> = {
  'INTEGER NOT NULL': 'int',
  'LIST<INTEGER NOT NULL> NOT NULL': 'int[]',
  'DATE NOT NULL': 'date',
  'ZONED DATETIME NOT NULL': 'datetime',
  'LOCAL DATETIME NOT NULL': 'localdatetime',
  // JSON says these as they are (numbers are floats unless tagged)
  'STRING NOT NULL': null,
  'BOOLEAN NOT NULL': null,
  'FLOAT NOT NULL': null,
  'LIST<STRING NOT NULL> NOT NULL': null,
  'LIST<BOOLEAN NOT NULL> NOT NULL': null,
  'LIST<FLOAT NOT NULL> NOT NULL': null,
  'LIST<NOTHING> NOT NULL': null,
};

/** Properties as JSON, and the type of each one JSON would otherwise lose. */
export interface PropertyMap {
  props: Record<string, unknown>;
  types?: Record<string, TypeTag>;
}

export interface NodeLine extends PropertyMap {
  type: 'node';
  label: NodeLabel;
  /** The entity kind (Person, Organization ...), for entities. */
  labels?: string[];
}

/** All relationships of one type from one node to another (an article's evidence each, say). */
export interface RelLine {
  type: 'rel';
  rel: string;
  from: string;
  to: string;
  copies: PropertyMap[];
}

export interface HeaderLine {
  type: 'header';
  newsgraph: 'export';
  format: number;
  exportedAt: string;
}

export interface EndLine {
  type: 'end';
  nodes: number;
  relationships: number;
}

export interface DumpCounts {
  nodes: number;
  relationships: number;
  byLabel: Record<string, number>;
  byType: Record<string, number>;
}

const emptyCounts = (): DumpCounts => ({ nodes: 0, relationships: 0, byLabel: {}, byType: {} });
const bump = (m: Record<string, number>, k: string, n = 1): void => {
  m[k] = (m[k] ?? 0) + n;
};

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

const PROPERTY_TYPES = (v: string): string => `[k IN keys(${v}) | [k, valueType(${v}[k])]]`;

/** Ordered by id so that two exports of one graph are the same file (but for the header). */
const nodesOf = (label: NodeLabel): Query => ({
  cypher: `
    MATCH (n:${NODE_LABELS[label]}) WITH n ORDER BY n.id
    RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, ${PROPERTY_TYPES('n')} AS types`,
  params: {},
});

const relGroupsOf = (rel: string): Query => {
  const kind = REL_KINDS[rel];
  return {
    cypher: `
      MATCH (a:${NODE_LABELS[kind.from]}) WITH a ORDER BY a.id
      CALL (a) {
        MATCH (a)-[r:${kind.type}]->(b:${NODE_LABELS[kind.to]})
        WITH b, collect({ props: properties(r), types: ${PROPERTY_TYPES('r')} }) AS copies
        RETURN b.id AS to, copies ORDER BY to
      }
      RETURN a.id AS from, to, copies`,
    params: {},
  };
};

const totals: Query = {
  cypher: `
    // from the count store; derived nodes (DERIVED_LABELS) and relation summaries are not part of the dump
    CALL () { MATCH (n) RETURN count(n) AS allNodes }
    ${DERIVED_LABELS.map((label, i) => `CALL () { MATCH (n:${label}) RETURN count(n) AS derived${i} }`).join('\n    ')}
    WITH allNodes - ${DERIVED_LABELS.map((_, i) => `derived${i}`).join(' - ')} AS nodes
    CALL () { MATCH ()-[r]->() RETURN count(r) AS allRelationships }
    CALL () { MATCH ()-[r:${SUMMARY}]->() RETURN count(r) AS summaries }
    WITH nodes, allRelationships - summaries AS relationships
    CALL () { CALL db.labels() YIELD label RETURN collect(label) AS labels }
    CALL () { CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS types }
    RETURN nodes, relationships, labels, types`,
  params: {},
};

const countWithLabel = (label: string): Query => ({
  cypher: 'MATCH (n) WHERE $label IN labels(n) RETURN count(n) AS n',
  params: { label },
});
const countOfType = (type: string): Query => ({ cypher: 'MATCH ()-[r]->() WHERE type(r) = $type RETURN count(r) AS n', params: { type } });

function encodeValue(value: unknown, where: string): unknown {
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new NewsGraphError('BAD_USER_INPUT', `${where} is ${value}, which JSON cannot carry`);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return String(value);
  return value;
}

function encodeMap(props: Record<string, unknown>, types: [string, string][], where: string): PropertyMap {
  const out: PropertyMap = { props: {} };
  // keys in a fixed order: Neo4j returns them in storage order, which an import changes
  for (const [key, valueType] of [...types].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const tag = TYPE_TAGS[valueType];
    if (tag === undefined) {
      throw new NewsGraphError(
        'BAD_USER_INPUT',
        `${where}.${key} is a ${valueType.replace(/ NOT NULL/g, '')}, which the export does not carry`,
      );
    }
    out.props[key] = encodeValue(props[key], `${where}.${key}`);
    if (tag) (out.types ??= {})[key] = tag;
  }
  return out;
}

export interface ExportOptions {
  /** Called with each line (no newline); awaited, so a slow reader slows the export down. */
  write: (line: string) => void | Promise<void>;
  /** Told when each label or relationship type is done. */
  onProgress?: (what: string, count: number) => void;
}

/**
 * Writes the whole graph. Refuses (before writing anything) a graph holding labels or
 * relationship types that it does not know, and fails without a trailer when the graph changed
 * while it ran, so that what it wrote is never taken for a complete copy.
 */
export async function exportGraph(executor: Executor, options: ExportOptions): Promise<DumpCounts> {
  const [before] = await executor.read(totals);
  for (const label of before.labels as string[]) {
    const known = isNodeLabel(label) || DERIVED_LABELS.includes(label) || Object.values(SUB_LABELS).some((subs) => subs.includes(label));
    if (known) continue;
    const [{ n }] = await executor.read(countWithLabel(label));
    if ((n as number) > 0)
      throw new NewsGraphError(
        'BAD_USER_INPUT',
        `the graph holds ${n} node(s) labelled ${label}, which this version of the export does not know; nothing was exported`,
      );
  }
  for (const type of before.types as string[]) {
    // summaries are derived from the evidence edges: an import computes them again
    if (isRelType(type) || type === SUMMARY) continue;
    const [{ n }] = await executor.read(countOfType(type));
    if ((n as number) > 0)
      throw new NewsGraphError(
        'BAD_USER_INPUT',
        `the graph holds ${n} relationship(s) of type ${type}, which this version of the export does not know; nothing was exported`,
      );
  }

  const counts = emptyCounts();
  const header: HeaderLine = { type: 'header', newsgraph: 'export', format: DUMP_FORMAT, exportedAt: new Date().toISOString() };
  await options.write(JSON.stringify(header));
  for (const label of Object.keys(NODE_LABELS) as NodeLabel[]) {
    for await (const row of executor.stream(nodesOf(label))) {
      const where = `${label} ${JSON.stringify(row.id)}`;
      if (typeof row.id !== 'string')
        throw new NewsGraphError('BAD_USER_INPUT', `a ${label} node has no string id (${JSON.stringify(row.id)}); it cannot be exported`);
      const extra = (row.labels as string[]).filter((l) => l !== label);
      const stray = extra.filter((l) => !SUB_LABELS[label].includes(l));
      if (stray.length)
        throw new NewsGraphError('BAD_USER_INPUT', `${where} also has the label(s) ${stray.join(', ')}, which the export does not know`);
      const line: NodeLine = {
        type: 'node',
        label,
        ...(extra.length ? { labels: extra.sort() } : {}),
        ...encodeMap(row.props as Record<string, unknown>, row.types as [string, string][], where),
      };
      await options.write(JSON.stringify(line));
      counts.nodes++;
      bump(counts.byLabel, label);
    }
    options.onProgress?.(label, counts.byLabel[label] ?? 0);
  }
  for (const rel of Object.keys(REL_KINDS)) {
    for await (const row of executor.stream(relGroupsOf(rel))) {
      const where = `${rel} ${JSON.stringify(row.from)} -> ${JSON.stringify(row.to)}`;
      const copies = (row.copies as { props: Record<string, unknown>; types: [string, string][] }[])
        .map((c) => encodeMap(c.props, c.types, where))
        // a fixed order, so that the same graph gives the same file
        .map((c) => [JSON.stringify(c), c] as const)
        .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
        .map(([, c]) => c);
      const line: RelLine = { type: 'rel', rel, from: row.from as string, to: row.to as string, copies };
      await options.write(JSON.stringify(line));
      counts.relationships += copies.length;
      bump(counts.byType, rel, copies.length);
    }
    options.onProgress?.(rel, counts.byType[rel] ?? 0);
  }

  const [after] = await executor.read(totals);
  if (after.nodes !== before.nodes || after.relationships !== before.relationships) {
    throw new NewsGraphError(
      'BAD_USER_INPUT',
      `the graph changed during the export (${before.nodes} -> ${after.nodes} nodes, ${before.relationships} -> ${after.relationships} relationships); stop whatever writes to it (or set NEWSGRAPH_READ_ONLY=true) and export again`,
    );
  }
  if (counts.nodes !== before.nodes || counts.relationships !== before.relationships) {
    throw new NewsGraphError(
      'BAD_USER_INPUT',
      `exported ${counts.nodes} of ${before.nodes} nodes and ${counts.relationships} of ${before.relationships} relationships: some are not where the store puts them (a relationship between unexpected labels, a node without its label)`,
    );
  }
  const end: EndLine = { type: 'end', nodes: counts.nodes, relationships: counts.relationships };
  await options.write(JSON.stringify(end));
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Reading a dump
// ---------------------------------------------------------------------------------------------

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function checkPlainValue(value: unknown, what: string): void {
  const scalar = (v: unknown): string | null =>
    typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'boolean' : typeof v === 'number' && Number.isFinite(v) ? 'number' : null;
  if (scalar(value)) return;
  if (Array.isArray(value)) {
    const kinds = new Set(value.map(scalar));
    if (kinds.has(null)) throw new Error(`${what} is a list holding something other than strings, numbers or booleans`);
    if (kinds.size > 1) throw new Error(`${what} is a list of mixed types (${[...kinds].join(', ')})`);
    return;
  }
  throw new Error(`${what} must be a string, a number, a boolean or a list of one of them, not ${value === null ? 'null' : typeof value}`);
}

const DATE = /^(-?\d{4,})-(\d\d)-(\d\d)$/;
const DATETIME = /^(-?\d{4,})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?(Z|[+-]\d\d:\d\d(?::\d\d)?)?(?:\[([^\]]+)\])?$/;

function offsetSeconds(offset: string): number {
  if (offset === 'Z') return 0;
  const [h, m, s = '0'] = offset.slice(1).split(':');
  return (offset[0] === '-' ? -1 : 1) * (Number(h) * 3600 + Number(m) * 60 + Number(s));
}

/** The driver value for a tagged property, checked. */
function decodeTagged(value: unknown, tag: TypeTag, what: string): unknown {
  switch (tag) {
    case 'int':
      if (!Number.isSafeInteger(value)) throw new Error(`${what} is tagged int but is ${JSON.stringify(value)}`);
      return neo4j.int(value as number);
    case 'int[]':
      if (!Array.isArray(value) || !value.every((v) => Number.isSafeInteger(v)))
        throw new Error(`${what} is tagged int[] but is not a list of integers`);
      return value.map((v: number) => neo4j.int(v));
    case 'date': {
      const m = typeof value === 'string' ? DATE.exec(value) : null;
      if (!m) throw new Error(`${what} is tagged date but is ${JSON.stringify(value)}, not YYYY-MM-DD`);
      return new neo4j.types.Date(Number(m[1]), Number(m[2]), Number(m[3]));
    }
    case 'datetime':
    case 'localdatetime': {
      const m = typeof value === 'string' ? DATETIME.exec(value) : null;
      if (!m || (tag === 'datetime' && !m[8] && !m[9]) || (tag === 'localdatetime' && (m[8] || m[9]))) {
        throw new Error(`${what} is tagged ${tag} but is ${JSON.stringify(value)}`);
      }
      const parts = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
      const nanos = Number((m[7] ?? '').padEnd(9, '0'));
      const [y, mo, d, h, mi, s] = parts;
      if (tag === 'localdatetime') return new neo4j.types.LocalDateTime(y, mo, d, h, mi, s, nanos);
      return m[9]
        ? new neo4j.types.DateTime(y, mo, d, h, mi, s, nanos, undefined, m[9])
        : new neo4j.types.DateTime(y, mo, d, h, mi, s, nanos, offsetSeconds(m[8]));
    }
    default: {
      const never: never = tag;
      throw new Error(`${what} has an unknown type tag ${JSON.stringify(never)}`);
    }
  }
}

/** Checks a property map and converts it into what the driver sends (integers, dates). */
function decodeMap(raw: unknown, what: string): Record<string, unknown> {
  if (!isObject(raw) || !isObject(raw.props)) throw new Error(`${what} needs "props", an object`);
  const types = raw.types ?? {};
  if (!isObject(types)) throw new Error(`${what}: "types" must be an object`);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw.props)) {
    const tag = types[key];
    if (tag === undefined) {
      checkPlainValue(value, `${what}.${key}`);
      out[key] = value;
    } else {
      if (!['int', 'int[]', 'date', 'datetime', 'localdatetime'].includes(tag as string))
        throw new Error(`${what}.${key} has an unknown type tag ${JSON.stringify(tag)}`);
      out[key] = decodeTagged(value, tag as TypeTag, `${what}.${key}`);
    }
  }
  for (const key of Object.keys(types)) if (!(key in raw.props)) throw new Error(`${what}: "types" names ${key}, which is not in "props"`);
  return out;
}

/** A line of a dump, checked; what the writer needs of it. */
export type ParsedLine =
  | { type: 'header'; format: number }
  | { type: 'node'; label: NodeLabel; id: string; labels: string[]; props: Record<string, unknown> }
  | { type: 'rel'; rel: string; from: string; to: string; copies: Record<string, unknown>[] }
  | { type: 'end'; nodes: number; relationships: number };

/** Parses one line; throws an Error saying what is wrong with it (the caller adds where). */
export function parseDumpLine(text: string): ParsedLine {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`not JSON (${(err as Error).message})`, { cause: err });
  }
  if (!isObject(raw)) throw new Error('a line must be a JSON object');
  switch (raw.type) {
    case 'header':
      if (raw.newsgraph !== 'export') throw new Error('the header does not say "newsgraph": "export"');
      if (!Number.isInteger(raw.format)) throw new Error('the header has no format number');
      return { type: 'header', format: raw.format as number };
    case 'node': {
      if (!isNodeLabel(raw.label))
        throw new Error(`unknown node label ${JSON.stringify(raw.label)} (known: ${Object.keys(NODE_LABELS).join(', ')})`);
      const label = raw.label;
      const labels = raw.labels ?? [];
      if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string' && SUB_LABELS[label].includes(l))) {
        throw new Error(
          `a ${label} cannot have the labels ${JSON.stringify(labels)}${SUB_LABELS[label].length ? ` (known: ${SUB_LABELS[label].join(', ')})` : ''}`,
        );
      }
      const props = decodeMap(raw, `${label}`);
      if (typeof props.id !== 'string' || !props.id) throw new Error(`a ${label} needs a non-empty string "id" in "props"`);
      return { type: 'node', label, id: props.id, labels: labels as string[], props };
    }
    case 'rel': {
      if (!isRelType(raw.rel))
        throw new Error(`unknown relationship type ${JSON.stringify(raw.rel)} (known: ${Object.keys(REL_KINDS).join(', ')})`);
      if (typeof raw.from !== 'string' || typeof raw.to !== 'string') throw new Error(`a ${raw.rel} line needs string "from" and "to" ids`);
      if (!Array.isArray(raw.copies) || !raw.copies.length) throw new Error(`a ${raw.rel} line needs "copies", a non-empty list`);
      const rel = raw.rel;
      return { type: 'rel', rel, from: raw.from, to: raw.to, copies: raw.copies.map((c, i) => decodeMap(c, `${rel} copy ${i + 1}`)) };
    }
    case 'end':
      if (!Number.isSafeInteger(raw.nodes) || !Number.isSafeInteger(raw.relationships))
        throw new Error('the last line needs "nodes" and "relationships" counts');
      return { type: 'end', nodes: raw.nodes as number, relationships: raw.relationships as number };
    default:
      throw new Error(`unknown line type ${JSON.stringify(raw.type)} (header, node, rel or end)`);
  }
}

/** Numbered lines of a dump, blank lines skipped. */
export type DumpLines = AsyncIterable<string>;

async function* parsed(lines: DumpLines, origin: string): AsyncGenerator<{ line: number; item: ParsedLine }> {
  let n = 0;
  let first = true;
  let ended = false;
  for await (const text of lines) {
    n++;
    if (!text.trim()) continue;
    const at = `${origin}:${n}`;
    let item: ParsedLine;
    try {
      item = parseDumpLine(text);
    } catch (err) {
      throw badInput((err as Error).message, at);
    }
    if (ended) throw badInput('there is more after the last line ("end")', at);
    if (first && item.type !== 'header')
      throw badInput('not a NewsGraph export: the first line is not its header (newsgraph export writes one)', at);
    if (!first && item.type === 'header') throw badInput('a second header: two exports run together?', at);
    first = false;
    if (item.type === 'header' && item.format > DUMP_FORMAT)
      throw badInput(`format ${item.format} is newer than this NewsGraph reads (${DUMP_FORMAT}); update NewsGraph`, at);
    if (item.type === 'end') ended = true;
    yield { line: n, item };
  }
  if (first) throw badInput('empty: not a NewsGraph export', origin);
  if (!ended) throw badInput(`ends at line ${n} without its last line ("end"): the export was cut short or did not finish`, origin);
}

/** Reads a whole dump without writing anything: every line checked, the counts compared with the trailer. */
export async function checkDump(lines: DumpLines, origin: string): Promise<DumpCounts> {
  const counts = emptyCounts();
  for await (const { line, item } of parsed(lines, origin)) {
    if (item.type === 'node') {
      counts.nodes++;
      bump(counts.byLabel, item.label);
    } else if (item.type === 'rel') {
      counts.relationships += item.copies.length;
      bump(counts.byType, item.rel, item.copies.length);
    } else if (item.type === 'end' && (item.nodes !== counts.nodes || item.relationships !== counts.relationships)) {
      throw badInput(
        `the last line counts ${item.nodes} nodes and ${item.relationships} relationships, the file holds ${counts.nodes} and ${counts.relationships}`,
        `${origin}:${line}`,
      );
    }
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

const writeNodes = (label: NodeLabel, rows: Row[]): Query => ({
  cypher: `
    UNWIND $rows AS x
    MERGE (n:${NODE_LABELS[label]} {id: x.id})
    SET n = x.props
    ${SUB_LABELS[label].map((sub) => `FOREACH (_ IN CASE WHEN '${sub}' IN x.labels THEN [1] ELSE [] END | SET n:${sub})`).join('\n    ')}`,
  params: { rows },
});

const missingEnds = (rel: string, rows: Row[]): Query => {
  const kind = REL_KINDS[rel];
  return {
    cypher: `
      UNWIND $rows AS x
      OPTIONAL MATCH (a:${NODE_LABELS[kind.from]} {id: x.from})
      OPTIONAL MATCH (b:${NODE_LABELS[kind.to]} {id: x.to})
      WITH x, a, b WHERE a IS NULL OR b IS NULL
      RETURN x.line AS line, a IS NULL AS noFrom
      LIMIT 1`,
    params: { rows },
  };
};

/** Creates the copies a pair does not have yet, so that importing twice changes nothing. */
const writeRels = (rel: string, rows: Row[]): Query => {
  const kind = REL_KINDS[rel];
  return {
    cypher: `
      UNWIND $rows AS x
      MATCH (a:${NODE_LABELS[kind.from]} {id: x.from})
      MATCH (b:${NODE_LABELS[kind.to]} {id: x.to})
      CALL (a, b, x) {
        OPTIONAL MATCH (a)-[old:${kind.type}]->(b)
        WITH a, b, x, count(old) AS have
        UNWIND range(have, size(x.copies) - 1) AS i
        CREATE (a)-[r:${kind.type}]->(b)
        SET r = x.copies[i]
        RETURN count(r) AS created
      }
      RETURN sum(created) AS created`,
    params: { rows },
  };
};

export interface ImportOptions {
  /** Where the lines come from, for messages (a file name). */
  origin: string;
  /** Lines per transaction (default 500); relationship lines also stop a batch at 5,000 copies. */
  batchSize?: number;
  /** Told after each committed batch. */
  onBatch?: (done: { lines: number; nodes: number; relationships: number }) => void;
}

export interface ImportResult extends DumpCounts {
  /** Relationships created (fewer than in the file when part of it was imported before). */
  created: number;
  batches: number;
}

const BATCH_BYTES = 8 * 1024 * 1024;

/**
 * Writes a dump into the graph, one transaction per batch of lines of one kind: a batch lands
 * whole or not at all. Nodes are merged on their id, and a relationship group only adds the
 * copies its two nodes do not have yet, so an import that stopped half-way is finished by
 * running it again, and importing the same file twice changes nothing. Check the file with
 * checkDump first: this reads it once and stops at the first bad line.
 */
export async function importGraph(executor: Executor, lines: DumpLines, options: ImportOptions): Promise<ImportResult> {
  const size = Math.max(1, options.batchSize ?? 500);
  const result: ImportResult = { ...emptyCounts(), created: 0, batches: 0 };
  let lineCount = 0;
  let batch: { key: string; label?: NodeLabel; rel?: string; rows: Row[]; copies: number; bytes: number } | null = null;

  const flush = async (): Promise<void> => {
    if (!batch?.rows.length) return;
    const b = batch;
    batch = null;
    if (b.label) {
      const label = b.label;
      await executor.writeTransaction((run) => run(writeNodes(label, b.rows)));
      result.nodes += b.rows.length;
      bump(result.byLabel, label, b.rows.length);
    } else if (b.rel) {
      const rel = b.rel;
      const created = await executor.writeTransaction(async (run) => {
        const [missing] = await run(missingEnds(rel, b.rows));
        if (missing) {
          const row = b.rows.find((r) => r.line === missing.line)!;
          const kind = REL_KINDS[rel];
          const [label, id] = missing.noFrom ? [kind.from, row.from] : [kind.to, row.to];
          throw badInput(
            `${rel} from ${JSON.stringify(row.from)} to ${JSON.stringify(row.to)}: there is no ${label} ${JSON.stringify(id)} (an export lists every node before the relationships)`,
            `${options.origin}:${missing.line as number}`,
          );
        }
        const [row] = await run(writeRels(rel, b.rows));
        return Number(row?.created ?? 0);
      });
      result.created += created;
      result.relationships += b.copies;
      bump(result.byType, rel, b.copies);
    }
    result.batches++;
    options.onBatch?.({ lines: lineCount, nodes: result.nodes, relationships: result.relationships });
  };

  for await (const { line, item } of parsed(lines, options.origin)) {
    lineCount = line;
    if (item.type !== 'node' && item.type !== 'rel') continue;
    const key = item.type === 'node' ? `node:${item.label}` : `rel:${item.rel}`;
    const bytes = item.type === 'node' ? JSON.stringify(item.props).length : JSON.stringify(item.copies).length;
    const copies = item.type === 'rel' ? item.copies.length : 0;
    if (batch && (batch.key !== key || batch.rows.length >= size || batch.copies + copies > 10 * size || batch.bytes + bytes > BATCH_BYTES))
      await flush();
    batch ??= { key, ...(item.type === 'node' ? { label: item.label } : { rel: item.rel }), rows: [], copies: 0, bytes: 0 };
    batch.rows.push(
      item.type === 'node'
        ? { line, id: item.id, labels: item.labels, props: item.props }
        : { line, from: item.from, to: item.to, copies: item.copies },
    );
    batch.copies += copies;
    batch.bytes += bytes;
  }
  await flush();
  // the counts kept on entities (entity-counts.ts) as the graph now has them, whatever the file held
  if (result.byLabel.Entity || result.byLabel.Article || result.byType.MENTIONS || result.byType.DUPLICATE_OF)
    for (const statement of RECOUNT_ALL) await executor.runSchema(statement);
  // the relation summaries, from the evidence edges now in the graph (relation-summaries.ts)
  if (Object.values(RELATION_LABELS).some((t) => result.byType[t]))
    for (const statement of REBUILD_SUMMARIES) await executor.runSchema(statement);
  // the article counts per day and outlet (article-counts.ts)
  if (result.byLabel.Article) for (const statement of BUILD_ARTICLE_DAYS) await executor.runSchema(statement);
  // articles of a dump older than bandAt: without it they are in no band index (fingerprint.ts)
  if (result.byLabel.Article) await executor.runSchema(FILL_BAND_AT);
  return result;
}
