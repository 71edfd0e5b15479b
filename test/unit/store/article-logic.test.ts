import type { Extraction } from '../../../src/domain/types';
import { followRedirects, pickOriginal } from '../../../src/store/article-writes';

const extraction = (): Extraction => ({
  entities: [
    { id: 'person:甲', type: 'person', name: '甲', aliases: ['甲'] },
    { id: 'person:甲先生', type: 'person', name: '甲先生', aliases: ['甲先生'] },
    { id: 'org:乙', type: 'organization', name: '乙', aliases: [] },
  ],
  mentions: [
    { entityId: 'person:甲', count: 2, firstOffset: 10, inHeadline: false, salience: 0.4 },
    { entityId: 'person:甲先生', count: 1, firstOffset: 3, inHeadline: true, salience: 0.7 },
    { entityId: 'org:乙', count: 1, firstOffset: 20, inHeadline: false, salience: 0.2 },
  ],
  relations: [
    { type: 'MEMBER_OF', from: 'person:甲先生', to: 'org:乙', evidence: '甲先生是乙的成員。', confidence: 0.9 },
    { type: 'COOPERATES_WITH', from: 'person:甲', to: 'person:甲先生', evidence: '甲與甲先生合作。', confidence: 0.5 },
  ],
  cooccurrences: [
    { a: 'person:甲', b: 'person:甲先生', count: 1 },
    { a: 'person:甲先生', b: 'org:乙', count: 2 },
  ],
});

describe('followRedirects', () => {
  it('returns the extraction itself when no id moves', () => {
    const x = extraction();
    expect(followRedirects(x, new Map())).toBe(x);
    expect(followRedirects(x, new Map([['org:乙', 'org:乙']]))).toBe(x);
  });

  it('merges a redirected entity into its target: aliases, mentions, relations and co-occurrences', () => {
    const out = followRedirects(extraction(), new Map([['person:甲先生', 'person:甲']]));
    expect(out.entities.map((e) => e.id)).toEqual(['person:甲', 'org:乙']);
    expect(out.entities[0].aliases).toEqual(['甲', '甲先生']);
    expect(out.mentions.find((m) => m.entityId === 'person:甲')).toEqual({
      entityId: 'person:甲',
      count: 3,
      firstOffset: 3,
      inHeadline: true,
      salience: 0.7,
    });
    expect(out.relations).toEqual([
      { type: 'MEMBER_OF', from: 'person:甲', to: 'org:乙', evidence: '甲先生是乙的成員。', confidence: 0.9 },
    ]);
    expect(out.cooccurrences).toEqual([{ a: 'person:甲', b: 'org:乙', count: 2 }]);
  });
});

describe('pickOriginal', () => {
  const body = '經濟部今天表示，台灣對日本的出口在第三季成長百分之五，主要來自半導體與機械設備。';
  it('points at the closest earlier version, or at what that version copies', () => {
    const rows = [
      { id: 'b', body, publishedAt: '2025-11-02', originalId: null },
      { id: 'c', body: `${body}（更新）`, publishedAt: '2025-11-01', originalId: 'a' },
    ];
    expect(pickOriginal(body, [rows[0]])).toBe('b');
    // both contain the whole body: the earlier one wins, and it is itself a copy of a
    expect(pickOriginal(body, rows)).toBe('a');
    const partial = { id: 'd', body: `${body.slice(0, 30)}另有其他不同的內容。`, publishedAt: '2025-10-01', originalId: null };
    expect(pickOriginal(body, [rows[0], partial])).toBe('b');
  });

  it('breaks ties by the earliest publication, then the id', () => {
    expect(
      pickOriginal(body, [
        { id: 'y', body, publishedAt: '2025-11-03', originalId: null },
        { id: 'x', body, publishedAt: '2025-11-01', originalId: null },
      ]),
    ).toBe('x');
    expect(
      pickOriginal(body, [
        { id: 'y', body, publishedAt: null, originalId: null },
        { id: 'x', body, publishedAt: null, originalId: null },
      ]),
    ).toBe('x');
  });

  it('finds none when no candidate contains enough of the body', () => {
    expect(
      pickOriginal(body, [{ id: 'z', body: '外交部說明台灣與美國在供應鏈上的合作進展。', publishedAt: '2025-11-01', originalId: null }]),
    ).toBeUndefined();
    expect(pickOriginal(body, [])).toBeUndefined();
  });
});
