import type { DocState } from './doc';
import type { Lexicon } from './lexicon';
import { normalizeForm } from './normalize';

const n = normalizeForm;

/**
 * Short forms that stand for the body the article is about: 縣府 / 市府 for the government of
 * the county or city the article names most, 校方 for its university, 院方 for its hospital or
 * court, 議會 for its council. A short form becomes a mention of that body; a county or city
 * government the article only calls 縣府 is created from the place (嘉義縣 -> 嘉義縣政府).
 */
export function resolveShortForms(doc: DocState, lex: Lexicon): void {
  const counts = new Map<string, number>();
  for (const h of doc.hits) counts.set(h.id, (counts.get(h.id) ?? 0) + 1);
  const top = (pred: (name: string, type: string) => boolean) => {
    let best: { id: string; c: number } | undefined;
    for (const e of doc.entities.values()) {
      if (!pred(e.name, e.type)) continue;
      const c = counts.get(e.id) ?? 0;
      if (c && (!best || c > best.c)) best = { id: e.id, c };
    }
    return best ? doc.entities.get(best.id) : undefined;
  };
  const bodyFor = (form: (typeof SHORT_FORMS)[number]) => {
    let target = top((name, type) => type === 'organization' && form.heads.some((h) => name.endsWith(h)));
    if (!target && form.fromPlace) {
      const place = top((name, type) => type === 'place' && name.endsWith(form.fromPlace!));
      if (place) {
        const name = `${place.name}政府`;
        target = doc.upsert({ id: `org:${name}`, type: 'organization', name, kind: 'government' });
      }
    }
    return target;
  };
  // 市府社會處: a unit written after a short form is the unit of the body it stands for
  for (const e of [...doc.entities.values()]) {
    if (e.type !== 'organization' || doc.lexIds.has(e.id)) continue;
    const form = SHORT_FORMS.find((f) => f.fromPlace && e.name.startsWith(f.short) && e.name.length - f.short.length >= 2);
    const body = form && bodyFor(form);
    if (!form || !body) continue;
    const unit = e.name.slice(form.short.length);
    const name = `${body.name}${unit}`;
    doc.rename(e.id, { id: `org:${name}`, name, aliases: [unit] });
  }
  unitEnumerations(doc);
  qualifiedShortForms(doc, lex);
  for (const form of SHORT_FORMS) {
    const short = n(form.short);
    for (let i = doc.norm.indexOf(short); i >= 0; i = doc.norm.indexOf(short, i + short.length)) {
      if (doc.isClaimed(i, i + short.length)) continue;
      // 台南市府 is handled by the head grammar; a bare short form has no name before it
      const prev = doc.norm[i - 1];
      if (prev && /[\u3400-\u9fff]/.test(prev) && !/[的由與与和及而但讓让對对向]/.test(prev)) continue;
      const target = bodyFor(form);
      if (target) doc.addHit({ id: target.id, start: i, end: i + short.length });
    }
  }
}

const SHORT_FORMS: { short: string; heads: string[]; fromPlace?: string }[] = [
  { short: '縣府', heads: ['縣政府'], fromPlace: '縣' },
  { short: '市府', heads: ['市政府'], fromPlace: '市' },
  { short: '校方', heads: ['大學', '學院', '高中', '國中', '國小', '中學', '小學'] },
  { short: '院方', heads: ['醫院', '法院'] },
  { short: '議會', heads: ['議會'] },
];
/** 市府, 縣府 (normalised): the short forms that stand for a city's or county's government. */
export const LOCAL_GOVERNMENT_SHORT_FORMS = SHORT_FORMS.filter((f) => f.fromPlace).map((f) => n(f.short));

/** Heads of the units of a city or county government (農業局, 社會處, 衛生所). */
const UNIT_HEAD = new RegExp(`[${n('局處署所')}]$`);
const LOCAL_GOVERNMENT = new RegExp(`[${n('市縣')}]${n('政府')}`);

/**
 * 嘉義市政府社會處、衛生局、消防局: units listed after a unit of a city or county government
 * belong to the same government, and are named in full with their bare name as an alias.
 */
function unitEnumerations(doc: DocState): void {
  const sep = n('、');
  // the units of a local government the article names, and that government's name
  const bodyOf = new Map<string, string>();
  for (const e of doc.entities.values()) {
    if (e.type !== 'organization') continue;
    const name = n(e.name);
    const m = UNIT_HEAD.test(name) ? LOCAL_GOVERNMENT.exec(name) : null;
    if (m && m.index + m[0].length < name.length) bodyOf.set(e.id, e.name.slice(0, m.index + m[0].length));
  }
  if (!bodyOf.size) return;
  for (const h of doc.hits.filter((x) => x.start >= 0 && bodyOf.has(x.id))) {
    const body = bodyOf.get(h.id)!;
    let pos = h.end;
    while (doc.norm[pos] === sep) {
      const start = pos + 1;
      let end = start;
      while (end < doc.norm.length && end - start < 5 && /[\u3400-\u9fff]/.test(doc.norm[end]) && doc.norm[end] !== sep) end++;
      // the unit's name ends at its head (衛生局|等單位)
      let unitEnd = -1;
      for (let k = start + 2; k <= end; k++) if (UNIT_HEAD.test(doc.norm.slice(start, k))) unitEnd = k;
      if (unitEnd < 0) break;
      if (!doc.isClaimed(start, unitEnd)) {
        const unit = doc.surface(start, unitEnd);
        const name = `${body}${unit}`;
        doc.upsert({ id: `org:${name}`, type: 'organization', name, kind: 'government', aliases: [unit] });
        doc.addHit({ id: `org:${name}`, start, end: unitEnd });
      }
      pos = unitEnd;
    }
  }
}

/**
 * 巴西衛生部 … 衛生部: a body the grammar found under its bare name, when the article also names
 * it with a country or place in front, is that qualified body (its bare name becomes an alias).
 */
function qualifiedShortForms(doc: DocState, lex: Lexicon): void {
  let areas: Set<string> | undefined;
  const isArea = (prefix: string) => {
    if (
      lex.zh
        .matchesAt(prefix, 0)
        .some((m) => m.end === prefix.length && m.values.some((v) => v.entity.type === 'country' || v.entity.type === 'place'))
    )
      return true;
    if (!areas) {
      areas = new Set();
      for (const e of doc.entities.values())
        if (e.type === 'country' || e.type === 'place')
          for (const k of [e.name, ...e.aliases]) if (/[\u3400-\u9fff]/.test(k)) areas.add(n(k));
    }
    return areas.has(prefix);
  };
  const orgs = [...doc.entities.values()].filter((e) => e.type === 'organization').map((e) => ({ e, name: n(e.name) }));
  for (const { e: bare, name: b } of orgs) {
    if (doc.lexIds.has(bare.id)) continue;
    const full = orgs.find((o) => o.e !== bare && o.name.length > b.length && o.name.endsWith(b) && isArea(o.name.slice(0, -b.length)))?.e;
    if (full) doc.rename(bare.id, { id: full.id, name: full.name, aliases: [] });
  }
}
