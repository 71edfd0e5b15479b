import { extract } from '../../../src/extract';
import type { KnownName, KnownNames } from '../../../src/domain/types';

/** The editors' rules in the known-names snapshot: extraction obeys them. Texts written for this test. */
const article = (title: string, body: string, language = 'zh-Hant') => ({
  id: 't',
  title,
  language,
  paragraphs: [body],
  captions: [],
  tags: [],
  related: [],
  authors: [],
});

const snapshot = (names: KnownName[], rules?: KnownNames['rules']): KnownNames => Object.assign([...names], rules ? { rules } : {});

const ZH = article('陳志明視察公園', '台北市長陳志明昨天視察大安森林公園，並與市民座談。陳志明說，公園將增設步道。');
const EN = article(
  'Mayor unveils harbour plan',
  'Kaohsiung Mayor Wang Li-hua said on Monday that the city will build a new harbour. Wang Li-hua said the harbour would open next year.',
  'en',
);

describe('curation rules in the known-names snapshot', () => {
  it('a blocked form names no entity of that type, in either script', () => {
    const plain = extract(ZH);
    expect(plain.entities.map((e) => e.id)).toContain('topic:視察');
    // written in Simplified, it still blocks the Traditional form
    const ruled = extract(ZH, { known: snapshot([], { blocked: [{ surface: '视察', type: 'topic' }], deleted: [] }) });
    expect(ruled.entities.map((e) => e.id)).not.toContain('topic:視察');
    expect(ruled.mentions.map((m) => m.entityId)).not.toContain('topic:視察');
    // blocked as a topic only: the person stays
    expect(ruled.entities.map((e) => e.id)).toContain('person:陳志明');
  });

  it('a block for another type changes nothing', () => {
    const ruled = extract(ZH, { known: snapshot([], { blocked: [{ surface: '視察', type: 'person' }], deleted: [] }) });
    expect(ruled.entities.map((e) => e.id)).toContain('topic:視察');
  });

  it('a Latin form is blocked whatever its case', () => {
    expect(extract(EN).entities.map((e) => e.id)).toContain('topic:harbour');
    const ruled = extract(EN, { known: snapshot([], { blocked: [{ surface: 'Harbour', type: 'topic' }], deleted: [] }) });
    expect(ruled.entities.map((e) => e.id)).not.toContain('topic:harbour');
  });

  it('a deleted id is never produced, nor its relations', () => {
    const plain = extract(ZH);
    expect(plain.relations.some((r) => r.from === 'person:陳志明')).toBe(true);
    const ruled = extract(ZH, { known: snapshot([], { blocked: [], deleted: ['person:陳志明'] }) });
    expect(ruled.entities.map((e) => e.id)).not.toContain('person:陳志明');
    expect(ruled.relations.some((r) => r.from === 'person:陳志明' || r.to === 'person:陳志明')).toBe(false);
  });

  it("an editor's alias takes the form over from what a recognizer made of it, relations included", () => {
    const known = snapshot([{ surface: '陳志明', id: 'person:陳志明-mayor', type: 'person', name: '陳志明', curated: true }]);
    const ruled = extract(ZH, { known });
    const ids = ruled.entities.map((e) => e.id);
    expect(ids).toContain('person:陳志明-mayor');
    expect(ids).not.toContain('person:陳志明');
    expect(ruled.relations.some((r) => r.from === 'person:陳志明-mayor')).toBe(true);
  });

  it("a topic's alias overrides the topic pass when an editor gave it, not otherwise", () => {
    const alias = { surface: 'harbour', id: 'topic:ports', type: 'topic' as const, name: 'ports' };
    const ids = extract(EN, { known: snapshot([{ ...alias, curated: true }]) }).entities.map((e) => e.id);
    expect(ids).toContain('topic:ports');
    expect(ids).not.toContain('topic:harbour');
    const learnt = extract(EN, { known: snapshot([alias]) }).entities.map((e) => e.id);
    expect(learnt).toContain('topic:harbour');
    expect(learnt).not.toContain('topic:ports');
  });
});
