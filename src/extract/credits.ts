import type { Article } from '../domain/types';
import type { DocState } from './doc';
import type { Lexicon, LexEntity } from './lexicon';
import { normalizeForm } from './normalize';
import { matchEn } from './topics';

/**
 * Sources the page names outside the body text: the outlet of a byline (聯合報／記者…), wire
 * tags ((CNA)), photo credits (鉅亨網資料照, Photo: CNA) and the dateline place (記者X／台北報導).
 * A news graph keeps who reported a story and where it was filed, so these are mentions too;
 * they carry no offset of their own (like caption hits).
 */
export function addCredits(opts: { doc: DocState; lex: Lexicon; article: Article }): void {
  const { doc, lex, article } = opts;
  for (const credit of article.credits ?? []) {
    const found = mediaIn(credit, lex);
    if (found.length) {
      for (const f of found) {
        doc.upsertLex(f.entity);
        doc.addHit({ id: f.entity.id, start: -1, end: -1, caption: true, credit: true, surface: f.surface });
      }
      continue;
    }
    // an outlet the lexicon does not know, named as a byline outlet ("新頭殼／記者…")
    const name = credit.trim();
    if (!looksLikeOutlet(name)) continue;
    const id = `org:${name}`;
    doc.upsert({ id, type: 'organization', name, kind: 'media', en: /^[\x20-\x7e]+$/.test(name) ? name : undefined });
    doc.addHit({ id, start: -1, end: -1, caption: true, credit: true, surface: name });
  }

  const place = article.dateline?.trim();
  if (place) {
    const norm = normalizeForm(place);
    const m = lex.zh
      .matchesAt(norm, 0)
      .filter((x) => x.end === norm.length && ['place', 'country'].includes(x.values[0].entity.type))
      .pop();
    const ent = m?.values[0].entity;
    if (ent) {
      doc.upsertLex(ent);
      doc.addHit({ id: ent.id, start: -1, end: -1, caption: true, credit: true, surface: place });
    }
  }
}

/** Media organizations of the lexicon named inside a credit string (Chinese or English forms). */
function mediaIn(credit: string, lex: Lexicon): { entity: LexEntity; surface: string }[] {
  const out: { entity: LexEntity; surface: string }[] = [];
  const chars = Array.from(credit);
  const norm = normalizeForm(credit);
  for (const m of lex.zh.scanLongest(norm)) {
    const e = m.values[0].entity;
    if (e.type === 'organization' && e.kind === 'media') out.push({ entity: e, surface: chars.slice(m.start, m.end).join('') });
  }
  // English forms: a credit in capitals ("TAIPEI TIMES") is matched in title case as well
  const variants =
    /^[^a-z]*$/.test(credit) && /[A-Z]{3}/.test(credit) && / /.test(credit)
      ? [credit, credit.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase())]
      : [credit];
  for (const v of variants) {
    for (const m of matchEn({ norm: normalizeForm(v), index: lex.en })) {
      if (m.entity.type === 'organization' && m.entity.kind === 'media' && !out.some((o) => o.entity === m.entity)) {
        out.push({ entity: m.entity, surface: credit.slice(m.start, m.end) });
      }
    }
  }
  return out;
}

/** A short name ending like an outlet (報, 網, 新聞, Times, News ...), not a photo credit or a person. */
function looksLikeOutlet(name: string): boolean {
  if ([...name].length > 14 || /[／/：:（）()]|提供|攝|翻攝|資料|截圖|圖/.test(name)) return false;
  return (
    /(日報|時報|晚報|報|新聞網|新聞|電視台?|電台|通訊社|社|周刊|週刊|雜誌|網)$/.test(name) ||
    /^(?:The )?[A-Z][\w&.]*(?: [A-Z][\w&.]*){0,3} (Times|News|Post|Daily|Herald|Journal|Press|Tribune|Today|Taiwan)$/.test(name)
  );
}
