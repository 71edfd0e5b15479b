import type { Entity } from '../domain/types';
import type { DocState, Hit } from './doc';
import type { Lexicon, TitleDef } from './lexicon';
import { indexHits, roleTarget } from './relations';
import { titleBefore } from './en-titles';
import { EN_RELATION_CONFIDENCE } from './weights';

const CLAUSE_WINDOW = 80;
/** Between an organization and its officer's title: a possessive or a corporate suffix ("Nvidia Corp. CEO"). */
const ORG_GAP = /^(?:['’]s)? ?(?:(?:Corp|Inc|Co|Ltd|Group|Holdings|Corporation|Company)\.?,? ?)?$/;

/**
 * English relations over the resolved hits: title + name (HOLDS_ROLE to the organization named,
 * else the country or city; MEMBER_OF a party written before the title), appositions ("Y,
 * chairman of X"), "Y of <party or team>" (MEMBER_OF), and possessive or comma chains of places
 * and organizations (LOCATED_IN, PART_OF). The evidence is always the sentence that states it.
 */
export function addEnRelations(opts: { doc: DocState; lex: Lexicon; context?: DocState }): void {
  const { doc, lex } = opts;
  const home = (person: Entity) => homeFor({ doc: opts.context ?? doc, lex, person });
  const idx = indexHits(doc);
  const text = doc.norm;
  const C = EN_RELATION_CONFIDENCE;
  const ent = (h: Hit | undefined) => (h ? doc.entities.get(h.id) : undefined);
  for (const h of idx.sorted) {
    const p = doc.entities.get(h.id);
    if (p?.type !== 'person') continue;
    const evidence = doc.sentenceText(h.start);
    const tb = titleBefore(lex, text, h.start);
    if (tb) {
      const best = tb.def;
      const tStart = tb.start;
      const prev = idx.sorted.filter((x) => x.end <= tStart && tStart - x.end <= 16 && ORG_GAP.test(text.slice(x.end, tStart))).pop();
      let before = ent(prev);
      let conf: number = C.titleBefore;
      // "Prosecutor Kelvin Ashdown of the Taipei District Prosecutors Office": the body follows the name
      const of = /^(?: \([^)]*\))? of (?:the )?/.exec(text.slice(h.end, h.end + 40));
      const ofOrg = of
        ? idx.byStart
            .get(h.end + of[0].length)
            ?.map((x) => doc.entities.get(x.id))
            .find((e) => e?.type === 'organization')
        : undefined;
      // "Dominican pitcher X", "Japanese economist X": a nationality, not the body of the title
      if (best.object === 'org' && before?.type === 'country') before = undefined;
      if (!before && ofOrg) before = ofOrg;
      // the sentence splitter may cut after "Corp.": the evidence runs from the body's sentence to the name's
      const from = prev && before === ent(prev) ? doc.sentenceAt(prev.start).start : doc.sentenceAt(h.start).start;
      const ev = from < doc.sentenceAt(h.start).start ? doc.surface(from, doc.sentenceAt(h.start).end).trim() : evidence;
      // "The Rakuten Monkeys players throw in the air manager X": a team's staff is written apart from the team
      if (!before && best.object === 'org') {
        const sent = doc.sentenceAt(h.start);
        const inClause = idx.sorted
          .filter(
            (x) =>
              x.end <= tStart &&
              x.start >= Math.max(sent.start, tStart - CLAUSE_WINDOW) &&
              !/[,;:()]/.test(text.slice(x.end, tStart)) &&
              ent(x)?.type === 'organization' &&
              ent(x)?.kind === 'sports',
          )
          .pop();
        if (inClause) {
          before = ent(inClause);
          conf = C.titleInClause;
        }
      }
      const tgt = roleTarget({ doc, def: best, before, homeIso2: home(p) });
      // a player of a team, a singer of a band: a member, not an office holder
      if (best.member && best.object === 'org' && tgt.holds?.type === 'organization') {
        tgt.member = tgt.holds;
        tgt.holds = undefined;
      }
      if (tgt.holds)
        doc.addRelation({ type: 'HOLDS_ROLE', from: p.id, to: tgt.holds.id, title: tb.written, evidence: ev, confidence: conf });
      if (tgt.member)
        doc.addRelation({ type: 'MEMBER_OF', from: p.id, to: tgt.member.id, title: tb.written, evidence: ev, confidence: conf });
      if (before?.type === 'organization' && before.kind !== 'media') {
        // "KMT legislative caucus Secretary-General": the caucus belongs to a party, and so does its officer
        const party = partyOf({ doc, lex, org: before, prev, idx });
        if (party && party.id !== tgt.member?.id)
          doc.addRelation({ type: 'MEMBER_OF', from: p.id, to: party.id, evidence, confidence: C.partyOfUnit });
      }
    }
    appositionRole({ doc, lex, idx, hit: h, person: p, evidence, home });
    // "Lin of the KMT", "Wang (KMT)": a party or a team right after the name
    const of = /^(?: of (?:the )?| \()/.exec(text.slice(h.end, h.end + 10));
    if (of) {
      const o = idx.byStart
        .get(h.end + of[0].length)
        ?.map((x) => doc.entities.get(x.id))
        .find((e) => e?.type === 'organization');
      if (o && (o.kind === 'party' || o.kind === 'sports'))
        doc.addRelation({ type: 'MEMBER_OF', from: p.id, to: o.id, evidence, confidence: C.ofParty });
    }
  }
  placeChains({ doc, lex, idx });
}

/** The party an organization belongs to: itself, its lexicon parent, or a party written right before it. */
function partyOf(opts: { doc: DocState; lex: Lexicon; org: Entity; prev?: Hit; idx: ReturnType<typeof indexHits> }): Entity | undefined {
  const { doc, lex, org, prev, idx } = opts;
  if (org.kind === 'party') {
    const parent = lex.byId.get(org.id)?.parent;
    const pe = parent ? lex.byId.get(parent) : undefined;
    if (pe?.type === 'organization' && pe.kind === 'party') return doc.upsertLex(pe);
  }
  if (prev) {
    const pp = idx.sorted.filter((x) => x.end <= prev.start && prev.start - x.end <= 1).pop();
    const ppe = pp ? doc.entities.get(pp.id) : undefined;
    if (ppe?.kind === 'party') return ppe;
  }
  return undefined;
}

/**
 * "Meredith Kuo, director-general of the ministry's Department of Statistics",
 * "Jane Roe, the company's chief executive", "John Doe, Acme CEO".
 */
function appositionRole(opts: {
  doc: DocState;
  lex: Lexicon;
  idx: ReturnType<typeof indexHits>;
  hit: Hit;
  person: Entity;
  evidence: string;
  home: (p: Entity) => string | undefined;
}): void {
  const { doc, lex, idx, hit, person, evidence } = opts;
  const text = doc.norm;
  const after = text.slice(hit.end, hit.end + 160);
  const head = /^(?: \([^)]*\))?, (?:the |a |an |who is (?:the |a )?)?/.exec(after);
  if (!head) return;
  const rest = after.slice(head[0].length);
  const restStart = hit.end + head[0].length;
  const objectAt = (start: number, within: number) =>
    idx.sorted.find(
      (x) =>
        x.start >= start &&
        x.start - start <= within &&
        doc.entities.get(x.id)?.type !== 'person' &&
        doc.entities.get(x.id)?.type !== 'topic',
    );
  const titleOf = (s: string) =>
    lex.titlesEn
      .filter((t) => s.toLowerCase().startsWith(t.title.toLowerCase()) && !/[\p{L}\-]/u.test(s[t.title.length] ?? ' '))
      .sort((a, b) => b.title.length - a.title.length)[0];
  // "title of [the] X"
  const t1 = titleOf(rest);
  if (t1) {
    const m = /^ (?:of|at|for) (?:the )?/.exec(rest.slice(t1.title.length));
    if (m) {
      const o = objectAt(restStart + t1.title.length + m[0].length, 25);
      const oe = o ? doc.entities.get(o.id) : undefined;
      if (oe) emit({ doc, person, def: t1, before: oe, evidence, title: rest.slice(0, t1.title.length), homeIso2: opts.home(person) });
      return;
    }
  }
  // "[the] X's title" / "X title": the organization or country first
  const o = objectAt(restStart, 0);
  if (!o) return;
  const tail = text.slice(o.end, o.end + 60).replace(/^['’]s/, '');
  const m2 = /^ /.exec(tail);
  const t2 = m2 ? titleOf(tail.slice(1)) : undefined;
  if (t2) {
    emit({
      doc,
      person,
      def: t2,
      before: doc.entities.get(o.id),
      evidence,
      title: tail.slice(1, 1 + t2.title.length),
      homeIso2: opts.home(person),
    });
  }
}

function emit(opts: {
  doc: DocState;
  person: Entity;
  def: TitleDef;
  before?: Entity;
  evidence: string;
  title: string;
  homeIso2?: string;
}): void {
  const { doc, person, def, before, evidence, title } = opts;
  const tgt = roleTarget({ doc, def, before, homeIso2: opts.homeIso2 });
  // "a member of the Kuomintang", "a player of the Lions": membership, not an office
  if (def.member && def.object === 'org' && tgt.holds?.type === 'organization') {
    tgt.member = tgt.holds;
    tgt.holds = undefined;
  }
  const conf = EN_RELATION_CONFIDENCE.apposition;
  if (tgt.holds) doc.addRelation({ type: 'HOLDS_ROLE', from: person.id, to: tgt.holds.id, title, evidence, confidence: conf });
  if (tgt.member) doc.addRelation({ type: 'MEMBER_OF', from: person.id, to: tgt.member.id, title, evidence, confidence: conf });
}

/**
 * Where a head-of-state title without a written country points: the person's country in the
 * lexicon, else the country the article names most (the outlet's own, in local news).
 */
function homeFor(opts: { doc: DocState; lex: Lexicon; person: Entity }): string | undefined {
  const { doc, lex, person } = opts;
  const known = lex.byId.get(person.id)?.country;
  if (known) return known;
  const counts = new Map<string, number>();
  for (const h of doc.hits) {
    const e = doc.entities.get(h.id);
    if (e?.type === 'country' && e.iso2) counts.set(e.iso2, (counts.get(e.iso2) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/**
 * "Yilan County's Fangliao", "Tampere, Finland", "Harbor Arena in Tampere" (LOCATED_IN) and "the
 * Legislature's Procedure Committee" (PART_OF): two names joined by a possessive, a comma or "in".
 */
const REGION_KINDS = new Set(['state', 'province', 'county', 'region', 'prefecture']);

function placeChains(opts: { doc: DocState; lex: Lexicon; idx: ReturnType<typeof indexHits> }): void {
  const { doc, lex, idx } = opts;
  const text = doc.norm;
  const C = EN_RELATION_CONFIDENCE;
  for (let i = 0; i + 1 < idx.sorted.length; i++) {
    const a = idx.sorted[i];
    const b = idx.sorted[i + 1];
    const ea = doc.entities.get(a.id);
    const eb = doc.entities.get(b.id);
    if (!ea || !eb || ea.id === eb.id) continue;
    const gap = text.slice(a.end, b.start);
    const evidence = doc.sentenceText(a.start);
    const area = (e: Entity) => e.type === 'place' || e.type === 'country';
    if (/^['’]s $/.test(gap)) {
      // the owner first: "Yilan County's Fangliao"
      if (area(ea) && eb.type === 'place') doc.addRelation({ type: 'LOCATED_IN', from: eb.id, to: ea.id, evidence, confidence: C.located });
      else if (
        ea.type === 'organization' &&
        eb.type === 'organization' &&
        ea.kind !== 'party' &&
        ea.kind !== 'media' &&
        eb.kind !== 'party'
      ) {
        doc.addRelation({ type: 'PART_OF', from: eb.id, to: ea.id, evidence, confidence: C.located });
      }
    } else if (
      gap === ' ' &&
      ea.type === 'organization' &&
      eb.type === 'organization' &&
      ea.kind !== 'party' &&
      ea.kind !== 'media' &&
      eb.kind !== 'party' &&
      eb.kind !== 'media'
    ) {
      // "CWA Seismology Center": a unit written after its parent
      doc.addRelation({ type: 'PART_OF', from: eb.id, to: ea.id, evidence, confidence: C.located });
    } else if (gap === ', ' && ea.type === 'place' && (eb.type === 'country' || REGION_KINDS.has(lex.byId.get(eb.id)?.placeKind ?? ''))) {
      // "Tampere, Finland": not inside a list ("Taoyuan, Keelung, Taichung and ...")
      const next = text.slice(b.end, b.end + 5);
      const prevGap = i > 0 ? text.slice(idx.sorted[i - 1].end, a.start) : '';
      if (!/^(?:,? and |, \p{Lu})/u.test(next) && prevGap !== ', ' && !/^,? and $/.test(prevGap)) {
        doc.addRelation({ type: 'LOCATED_IN', from: ea.id, to: eb.id, evidence, confidence: C.located });
      }
    } else if (gap === ' in ' && (ea.type === 'place' || (ea.type === 'organization' && ea.kind === 'company')) && area(eb)) {
      if (ea.type === 'place') doc.addRelation({ type: 'LOCATED_IN', from: ea.id, to: eb.id, evidence, confidence: C.located });
    }
  }
}
