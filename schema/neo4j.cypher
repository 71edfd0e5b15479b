// NewsGraph DDL for Neo4j 5 (Community). Applied at start-up, statement by statement; every
// statement is idempotent (IF NOT EXISTS). Statements are separated by semicolons at line ends.

CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE INDEX article_url IF NOT EXISTS FOR (a:Article) ON (a.url);
CREATE INDEX article_published IF NOT EXISTS FOR (a:Article) ON (a.publishedAt);
// newest first with ties by id, in index order: a list stops after its page instead of reading
// the whole first day to order its ties
CREATE INDEX article_published_id IF NOT EXISTS FOR (a:Article) ON (a.publishedAt, a.id);
CREATE INDEX article_title_key IF NOT EXISTS FOR (a:Article) ON (a.titleKey);
CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type);
// List filters by outlet and language (articlesPage): totals and pages by index seek, not a label scan.
CREATE INDEX article_source IF NOT EXISTS FOR (a:Article) ON (a.source);
CREATE INDEX article_site IF NOT EXISTS FOR (a:Article) ON (a.site);
CREATE INDEX article_language IF NOT EXISTS FOR (a:Article) ON (a.language);
// entities(nameContains): text indexes answer CONTAINS on the name and the aliases (aliasText)
// for the candidates, which the case-insensitive check then confirms (queries.ts, entitiesPage).
CREATE TEXT INDEX entity_name_text IF NOT EXISTS FOR (e:Entity) ON (e.name);
CREATE TEXT INDEX entity_alias_text IF NOT EXISTS FOR (e:Entity) ON (e.aliasText);
// entities() most mentioned first: the page walks this index from the top (queries.ts, mostMentioned).
CREATE INDEX entity_mention_count IF NOT EXISTS FOR (e:Entity) ON (e.mentionCount);

// Full-text search over entity names and aliases, and over article titles and leads. The cjk
// analyzer indexes Chinese as character bigrams, so 稀土 is found inside 稀土出口管制.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
  FOR (n:Person|Organization|Country|Place|Topic) ON EACH [n.name, n.aliasText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
CREATE FULLTEXT INDEX article_text IF NOT EXISTS
  FOR (a:Article) ON EACH [a.title, a.lead]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };

// Ids of entities merged into others (mergeEntities): later ingestion follows them.
CREATE CONSTRAINT redirect_id IF NOT EXISTS FOR (r:Redirect) REQUIRE r.id IS UNIQUE;

// Near-duplicate detection: the eight MinHash band keys of each article body, each with the
// article's bandAt (publishedAt, '' when undated) and id, so that a seek for one key reads the
// newest of its articles first in the index's own order and stops after a fixed number of them
// (article-writes.ts, duplicateCandidates). A node without bandAt (a stub, a body too short to
// compare) is in none of them. Graphs written before these indexes had article_band0..7 on the
// key alone: the migration 'band-seek-order' drops them.
CREATE INDEX article_band0_at IF NOT EXISTS FOR (a:Article) ON (a.band0, a.bandAt, a.id);
CREATE INDEX article_band1_at IF NOT EXISTS FOR (a:Article) ON (a.band1, a.bandAt, a.id);
CREATE INDEX article_band2_at IF NOT EXISTS FOR (a:Article) ON (a.band2, a.bandAt, a.id);
CREATE INDEX article_band3_at IF NOT EXISTS FOR (a:Article) ON (a.band3, a.bandAt, a.id);
CREATE INDEX article_band4_at IF NOT EXISTS FOR (a:Article) ON (a.band4, a.bandAt, a.id);
CREATE INDEX article_band5_at IF NOT EXISTS FOR (a:Article) ON (a.band5, a.bandAt, a.id);
CREATE INDEX article_band6_at IF NOT EXISTS FOR (a:Article) ON (a.band6, a.bandAt, a.id);
CREATE INDEX article_band7_at IF NOT EXISTS FOR (a:Article) ON (a.band7, a.bandAt, a.id);

// Stubs (teasers of stories not yet ingested) are counted apart.
CREATE INDEX article_stub IF NOT EXISTS FOR (a:Article) ON (a.stub);

// Stories (same event across outlets and languages), their merged-away ids, and outlets.
CREATE CONSTRAINT story_id IF NOT EXISTS FOR (s:Story) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT story_redirect_id IF NOT EXISTS FOR (r:StoryRedirect) REQUIRE r.id IS UNIQUE;
CREATE INDEX story_redirect_target IF NOT EXISTS FOR (r:StoryRedirect) ON (r.target);
CREATE INDEX story_last_seen IF NOT EXISTS FOR (s:Story) ON (s.lastSeen);
CREATE INDEX story_first_seen IF NOT EXISTS FOR (s:Story) ON (s.firstSeen);
CREATE CONSTRAINT outlet_id IF NOT EXISTS FOR (o:Outlet) REQUIRE o.id IS UNIQUE;
CREATE INDEX article_published_date IF NOT EXISTS FOR (a:Article) ON (a.publishedDate);
CREATE FULLTEXT INDEX story_text IF NOT EXISTS
  FOR (s:Story) ON EACH [s.title, s.titleEn]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };

// Curation (store/curation-writes.ts, store/edits.ts): the audit trail, and the rules ingestion
// obeys: deleted ids, per-article redirects of split entities, rejected relations, blocked forms.
CREATE CONSTRAINT edit_id IF NOT EXISTS FOR (e:Edit) REQUIRE e.id IS UNIQUE;
CREATE INDEX edit_seq IF NOT EXISTS FOR (e:Edit) ON (e.seq);
CREATE CONSTRAINT deleted_entity_id IF NOT EXISTS FOR (d:DeletedEntity) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT article_redirect_id IF NOT EXISTS FOR (r:ArticleRedirect) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rejected_relation_id IF NOT EXISTS FOR (j:RejectedRelation) REQUIRE j.id IS UNIQUE;
CREATE CONSTRAINT blocked_form_id IF NOT EXISTS FOR (b:BlockedForm) REQUIRE b.id IS UNIQUE;
CREATE INDEX redirect_target IF NOT EXISTS FOR (r:Redirect) ON (r.target);
// Which entities already answer to a form (addAlias refuses a form another entity holds): the
// names and aliases as lowercased word and character tokens, stop words kept, for an exact check
// over the few candidates instead of a scan of every entity (curation-writes.ts, holdersOf).
// Its properties differ from entity_names' (nameEn is in both it and aliasText) because Neo4j
// takes a full-text index on the same labels and properties as the same one, whatever the analyzer.
CREATE FULLTEXT INDEX entity_forms IF NOT EXISTS
  FOR (n:Person|Organization|Country|Place|Topic) ON EACH [n.name, n.nameEn, n.aliasText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
// A merge finds the rejections that name the merged id by either end (curation-writes.ts).
CREATE INDEX rejected_relation_from IF NOT EXISTS FOR (j:RejectedRelation) ON (j.from);
CREATE INDEX rejected_relation_to IF NOT EXISTS FOR (j:RejectedRelation) ON (j.to);

// The change feed: one node per article written or deleted, by any process; API instances
// follow it by `at` to publish live updates (see src/store/change-feed.ts).
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE;
CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at);

// per-entity, per-day counts kept at write time (store/entity-counts.ts): timelines read an
// entity's rows, trending a window's rows (copies first, so that leaving them out reads none)
CREATE CONSTRAINT entity_day_key IF NOT EXISTS FOR (d:EntityDay) REQUIRE d.key IS UNIQUE;
CREATE INDEX entity_day_entity IF NOT EXISTS FOR (d:EntityDay) ON (d.entityId, d.day);
CREATE INDEX entity_day_copy_day IF NOT EXISTS FOR (d:EntityDay) ON (d.copy, d.day);
// the same counts added up over outlets and languages, one row per entity and week with its days:
// trending reads a window's weeks by (week, copy), a timeline and a curation recount an entity's
CREATE CONSTRAINT entity_week_key IF NOT EXISTS FOR (w:EntityWeek) REQUIRE w.key IS UNIQUE;
CREATE INDEX entity_week_entity IF NOT EXISTS FOR (w:EntityWeek) ON (w.entityId, w.week);
CREATE INDEX entity_week_copy IF NOT EXISTS FOR (w:EntityWeek) ON (w.week, w.copy);
// article counts per day, source, site and language (store/article-counts.ts): a list's total
// reads an outlet's rows (by source or by site), a language's, or a window's days
CREATE CONSTRAINT article_day_key IF NOT EXISTS FOR (r:ArticleDay) REQUIRE r.key IS UNIQUE;
CREATE INDEX article_day_source IF NOT EXISTS FOR (r:ArticleDay) ON (r.source);
CREATE INDEX article_day_site IF NOT EXISTS FOR (r:ArticleDay) ON (r.site);
CREATE INDEX article_day_language IF NOT EXISTS FOR (r:ArticleDay) ON (r.language);
CREATE INDEX article_day_day IF NOT EXISTS FOR (r:ArticleDay) ON (r.day);

// Relation evidence by the article that stated it: re-ingesting or deleting an article finds its
// evidence by key instead of walking every edge of the busy entities it mentions.
CREATE INDEX holds_role_article IF NOT EXISTS FOR ()-[r:HOLDS_ROLE]-() ON (r.articleId);
CREATE INDEX member_of_article IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.articleId);
CREATE INDEX reports_to_article IF NOT EXISTS FOR ()-[r:REPORTS_TO]-() ON (r.articleId);
CREATE INDEX part_of_article IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.articleId);
CREATE INDEX cooperates_with_article IF NOT EXISTS FOR ()-[r:COOPERATES_WITH]-() ON (r.articleId);
CREATE INDEX located_in_article IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() ON (r.articleId);
