import type { DocState } from './doc';
import { normalizeForm } from './normalize';

const n = normalizeForm;

/**
 * Short forms that stand for the body the article is about: 縣府 / 市府 for the government of
 * the county or city the article names most, 校方 for its university, 院方 for its hospital or
 * court, 議會 for its council. A short form becomes a mention of that body; a county or city
 * government the article only calls 縣府 is created from the place (嘉義縣 -> 嘉義縣政府).
 */
export function resolveShortForms(doc: DocState): void {
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
  for (const form of SHORT_FORMS) {
    const short = n(form.short);
    for (let i = doc.norm.indexOf(short); i >= 0; i = doc.norm.indexOf(short, i + short.length)) {
      if (doc.isClaimed(i, i + short.length)) continue;
      // 台南市府 is handled by the head grammar; a bare short form has no name before it
      const prev = doc.norm[i - 1];
      if (prev && /[\u3400-\u9fff]/.test(prev) && !/[的由與与和及而但讓让對对向]/.test(prev)) continue;
      let target = top((name, type) => type === 'organization' && form.heads.some((h) => name.endsWith(h)));
      if (!target && form.fromPlace) {
        const place = top((name, type) => type === 'place' && name.endsWith(form.fromPlace!));
        if (place) {
          const name = `${place.name}政府`;
          target = doc.upsert({ id: `org:${name}`, type: 'organization', name, kind: 'government' });
        }
      }
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
