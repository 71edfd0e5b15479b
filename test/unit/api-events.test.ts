import { TOPICS, publishChange, type EventBus } from '../../src/api/events';

/** What one change of the feed publishes, on a bus that records every call. */
function recordingBus(): { bus: EventBus; calls: { topic: string; args: unknown[] }[] } {
  const calls: { topic: string; args: unknown[] }[] = [];
  const bus = {
    publish: (topic: string, ...args: unknown[]) => calls.push({ topic, args }),
    subscribe: () => {
      throw new Error('not used');
    },
  } as unknown as EventBus;
  return { bus, calls };
}

describe('events published for a change of the feed', () => {
  it('an ingested article: the article, its story (and the stories it merged and left), each entity', () => {
    const { bus, calls } = recordingBus();
    publishChange(bus, {
      kind: 'ingested',
      articleId: 'a1',
      status: 'updated',
      language: 'zh-Hant',
      source: '測試報',
      mentions: [
        { entityId: 'person:甲', salience: 0.9 },
        { entityId: 'place:北城', salience: 0.4 },
      ],
      story: { storyId: 's1', kind: 'merged', mergedIds: ['s2'], leftStoryId: 's3', leftStoryDeleted: true },
    });
    expect(calls.map((c) => c.topic)).toEqual([
      TOPICS.ARTICLE_INGESTED,
      TOPICS.STORY_UPDATED,
      TOPICS.STORY_UPDATED,
      TOPICS.STORY_UPDATED,
      TOPICS.ENTITY_MENTIONED,
      TOPICS.ENTITY_MENTIONED,
    ]);
    expect(calls[0].args[0]).toEqual({
      articleId: 'a1',
      status: 'updated',
      storyId: 's1',
      language: 'zh-Hant',
      source: '測試報',
      entityIds: ['person:甲', 'place:北城'],
    });
    expect(calls[1].args[0]).toMatchObject({ storyId: 's1', currentId: 's1', change: 'MERGED', mergedIds: ['s2'] });
    expect(calls[2].args[0]).toMatchObject({ storyId: 's2', currentId: 's1', change: 'MERGED' });
    expect(calls[3].args[0]).toMatchObject({ storyId: 's3', currentId: null, change: 'DELETED' });
    // entityMentioned is published per entity id, so a subscription to one entity hears only its own
    expect(calls[4].args).toEqual(['person:甲', { entityId: 'person:甲', articleId: 'a1', salience: 0.9 }]);
  });

  it('a deleted article: its story lost an article, or is gone', () => {
    const { bus, calls } = recordingBus();
    publishChange(bus, { kind: 'deleted', articleId: 'a1', story: { storyId: 's1', deleted: false } });
    publishChange(bus, { kind: 'deleted', articleId: 'a2', story: { storyId: 's2', deleted: true } });
    publishChange(bus, { kind: 'deleted', articleId: 'a3', story: null });
    expect(calls.map((c) => c.args[0])).toEqual([
      expect.objectContaining({ storyId: 's1', currentId: 's1', change: 'ARTICLE_REMOVED', articleId: 'a1' }),
      expect.objectContaining({ storyId: 's2', currentId: null, change: 'DELETED', articleId: 'a2' }),
    ]);
  });
});
