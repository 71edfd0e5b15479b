import { undoProps } from '../../../src/store/edits';

describe('undoProps: an undo writes back what the edit changed, nothing else', () => {
  it('takes back an alias the edit added and keeps one ingestion added since', () => {
    const before = { id: 'person:x', name: 'X', aliases: ['X'], aliasText: ' X' };
    const after = { id: 'person:x', name: 'X', aliases: ['X', 'edited'], curatedAliases: ['edited'], aliasText: ' X edited' };
    const now = { ...after, aliases: ['X', 'edited', 'ingested'], aliasText: ' X edited ingested', nameEn: 'Ex' };
    expect(undoProps(before, after, now)).toEqual({
      id: 'person:x',
      name: 'X',
      aliases: ['X', 'ingested'],
      aliasText: ' X ingested Ex',
      nameEn: 'Ex',
    });
  });

  it('brings back what the edit removed, and scalars as they were', () => {
    const before = { name: 'Old', namePriority: 3, aliases: ['Old', 'junk'] };
    const after = { name: 'New', namePriority: 100, aliases: ['Old', 'New'], removedAliases: ['junk'] };
    const now = { ...after, aliases: ['Old', 'New', 'later'] };
    expect(undoProps(before, after, now)).toEqual({
      name: 'Old',
      namePriority: 3,
      aliases: ['Old', 'later', 'junk'],
      aliasText: ' Old later junk',
    });
  });

  it('leaves alone a property the edit did not change, whatever ingestion did to it', () => {
    const before = { type: 'topic', kind: null, aliases: ['a'] };
    const after = { type: 'organization', aliases: ['a'] };
    const now = { type: 'organization', kind: 'company', aliases: ['a', 'b'] };
    expect(undoProps(before, after, now)).toEqual({ type: 'topic', kind: 'company', aliases: ['a', 'b'], aliasText: ' a b' });
  });
});
