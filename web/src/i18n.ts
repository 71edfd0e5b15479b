/** UI labels in Traditional Chinese and English; the choice is kept in localStorage. */

export type Lang = 'zh' | 'en';

const labels = {
  appName: { zh: 'NewsGraph 新聞圖譜', en: 'NewsGraph' },
  home: { zh: '首頁', en: 'Home' },
  pathFinder: { zh: '關係路徑', en: 'Path finder' },
  graphiql: { zh: 'GraphQL 查詢', en: 'GraphQL IDE' },
  searchPlaceholder: {
    zh: '搜尋人物、組織、地點、主題、事件或新聞…',
    en: 'Search people, organizations, places, topics, stories or articles…',
  },
  search: { zh: '搜尋', en: 'Search' },
  searchResults: { zh: '搜尋結果', en: 'Search results' },
  noResults: { zh: '找不到結果', en: 'No results' },
  entities: { zh: '實體', en: 'Entities' },
  articles: { zh: '新聞', en: 'Articles' },
  loading: { zh: '載入中…', en: 'Loading…' },
  error: { zh: '發生錯誤', en: 'Something went wrong' },
  notFound: { zh: '找不到這個頁面', en: 'Page not found' },
  entityNotFound: { zh: '找不到這個實體', en: 'No such entity' },
  articleNotFound: { zh: '找不到這篇新聞', en: 'No such article' },
  aliases: { zh: '別名', en: 'Aliases' },
  mentionedIn: { zh: '提及篇數', en: 'Mentioned in' },
  articlesUnit: { zh: '篇', en: 'articles' },
  timeline: { zh: '報導時間軸', en: 'Coverage over time' },
  interval: { zh: '區間', en: 'Interval' },
  DAY: { zh: '日', en: 'Day' },
  WEEK: { zh: '週', en: 'Week' },
  MONTH: { zh: '月', en: 'Month' },
  cooccurring: { zh: '最常一起出現', en: 'Strongest co-occurring' },
  relations: { zh: '關係與證據', en: 'Relations and evidence' },
  noRelations: { zh: '尚無關係', en: 'No relations yet' },
  moreEvidence: { zh: '篇也這麼寫，未列出', en: 'more articles show it, not listed' },
  newestArticles: { zh: '最新報導', en: 'Newest articles' },
  neighbourhood: { zh: '關係圖', en: 'Neighbourhood graph' },
  openGraph: { zh: '全螢幕關係圖', en: 'Full-screen graph' },
  findPathFrom: { zh: '從這裡找路徑', en: 'Find a path from here' },
  legend: { zh: '圖例', en: 'Legend' },
  filterRelations: { zh: '篩選關係', en: 'Relation types' },
  graphHint: { zh: '點擊節點展開，點擊連線看證據。', en: 'Click a node to expand it, an edge to see its evidence.' },
  expanded: { zh: '已展開', en: 'Expanded' },
  openPage: { zh: '開啟頁面', en: 'Open page' },
  evidence: { zh: '證據', en: 'Evidence' },
  noSentence: { zh: '（無原句：來自知識庫）', en: '(no sentence: known from the lexicon)' },
  source: { zh: '來源', en: 'Source' },
  from: { zh: '起點', en: 'From' },
  to: { zh: '終點', en: 'To' },
  findPath: { zh: '尋找路徑', en: 'Find paths' },
  maxHops: { zh: '最多幾步', en: 'Max hops' },
  noPath: { zh: '找不到連結兩者的路徑', en: 'No path connects them' },
  hops: { zh: '步', en: 'hops' },
  pickEntity: { zh: '選擇實體…', en: 'Pick an entity…' },
  highlighted: { zh: '文中標示的實體', en: 'Entities in the text' },
  related: { zh: '相關新聞', en: 'Related articles' },
  shared: { zh: '共同實體', en: 'Shared' },
  authors: { zh: '作者', en: 'Authors' },
  originalLink: { zh: '原文', en: 'Original' },
  overview: { zh: '圖譜概況', en: 'What the graph holds' },
  topPeople: { zh: '熱門人物', en: 'Most mentioned people' },
  topOrganizations: { zh: '熱門組織', en: 'Most mentioned organizations' },
  topTopics: { zh: '熱門主題', en: 'Most mentioned topics' },
  latestArticles: { zh: '最新新聞', en: 'Latest articles' },
  period: { zh: '期間', en: 'Period' },
  parentTopic: { zh: '上層主題', en: 'Broader topic' },
  childTopics: { zh: '下層主題', en: 'Narrower topics' },
  // stories
  stories: { zh: '事件', en: 'Stories' },
  story: { zh: '事件', en: 'Story' },
  storyNotFound: { zh: '找不到這個事件', en: 'No such story' },
  storyOf: { zh: '所屬事件', en: 'Story' },
  storiesOfEntity: { zh: '涉及的事件', en: 'Stories' },
  latestStories: { zh: '最新事件', en: 'Latest stories' },
  storyTimeline: { zh: '各媒體報導時間軸', en: 'Coverage per outlet' },
  keyEntities: { zh: '關鍵實體', en: 'Key entities' },
  storyArticles: { zh: '報導', en: 'Articles' },
  follows: { zh: '延續自', en: 'Follows' },
  followedBy: { zh: '後續發展', en: 'Followed by' },
  relatedStories: { zh: '相關事件', en: 'Related stories' },
  noLinks: { zh: '無', en: 'None' },
  tiedBy: { zh: '連結的標題', en: 'Headlines that tie them' },
  outlets: { zh: '媒體', en: 'Outlets' },
  languages: { zh: '語言', en: 'Languages' },
  copies: { zh: '重複轉載', en: 'near-duplicate copies' },
  firstPage: { zh: '第一頁', en: 'First page' },
  nextPage: { zh: '下一頁', en: 'Next page' },
  pageOf: { zh: '本頁', en: 'This page' },
  of: { zh: '共', en: 'of' },
  linkScore: { zh: '關聯分數', en: 'score' },
  // dashboard
  dashboard: { zh: '趨勢儀表板', en: 'Dashboard' },
  trendingEntities: { zh: '熱門上升實體', en: 'Trending entities' },
  trendingStories: { zh: '熱門上升事件', en: 'Trending stories' },
  thisWeek: { zh: '近 7 天', en: 'last 7 days' },
  previousWeek: { zh: '前 7 天', en: 'the 7 before' },
  window: { zh: '統計區間', en: 'Window' },
  against: { zh: '對比', en: 'against' },
  countBackFrom: { zh: '計算基準', en: 'Counted back from' },
  NEWEST_ARTICLE: { zh: '最新一篇新聞', en: 'the newest article' },
  NOW: { zh: '今天', en: 'today' },
  lastUpdated: { zh: '最後更新', en: 'Last updated' },
  liveConnected: { zh: '即時更新中', en: 'Live' },
  liveConnecting: { zh: '連線中…', en: 'Connecting…' },
  liveLost: { zh: '即時連線中斷，重新連線中…', en: 'Live connection lost, reconnecting…' },
  liveFeed: { zh: '即時動態', en: 'Live feed' },
  liveFeedEmpty: { zh: '有新聞匯入時會出現在這裡，頁面會自動更新。', en: 'Ingested articles show up here and the page updates itself.' },
  nothingTrending: { zh: '這段期間沒有上升的項目', en: 'Nothing rose in this window' },
  ingested: { zh: '匯入', en: 'ingested' },
  storyChanged: { zh: '這個事件剛有更新', en: 'This story has just changed' },
  reload: { zh: '重新載入', en: 'Reload' },
  // story changes
  CREATED: { zh: '新事件', en: 'new story' },
  JOINED: { zh: '加入事件', en: 'joined' },
  MERGED: { zh: '事件合併', en: 'merged' },
  UPDATED: { zh: '更新', en: 'updated' },
  ARTICLE_REMOVED: { zh: '移除新聞', en: 'article removed' },
  DELETED: { zh: '事件刪除', en: 'story deleted' },
  new: { zh: '新', en: 'new' },
  updated: { zh: '更新', en: 'updated' },
  // entity types
  PERSON: { zh: '人物', en: 'Person' },
  ORGANIZATION: { zh: '組織', en: 'Organization' },
  COUNTRY: { zh: '國家', en: 'Country' },
  PLACE: { zh: '地點', en: 'Place' },
  TOPIC: { zh: '主題', en: 'Topic' },
  // relation types
  HOLDS_ROLE: { zh: '擔任', en: 'holds role' },
  MEMBER_OF: { zh: '成員', en: 'member of' },
  REPORTS_TO: { zh: '報告', en: 'reports to' },
  PART_OF: { zh: '隸屬', en: 'part of' },
  COOPERATES_WITH: { zh: '合作', en: 'cooperates with' },
  LOCATED_IN: { zh: '位於', en: 'located in' },
  // link kinds
  LINKS_TO: { zh: '延伸閱讀', en: 'linked' },
  DUPLICATE_OF: { zh: '重複', en: 'duplicate' },
  SHARED_ENTITIES: { zh: '共同實體', en: 'shared entities' },
} satisfies Record<string, Record<Lang, string>>;

export type LabelKey = keyof typeof labels;

const STORAGE_KEY = 'newsgraph.lang';

let current: Lang = (() => {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    // storage can be disabled; the default stands
  }
  return 'zh';
})();

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  current = next;
  document.documentElement.lang = next === 'zh' ? 'zh-Hant' : 'en';
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // not kept across visits then
  }
}

export function t(key: LabelKey): string {
  return labels[key][current];
}

/** Label of an enum value (entity type, relation type, link kind), or the value itself. */
export function tEnum(value: string): string {
  return value in labels ? labels[value as LabelKey][current] : value;
}
