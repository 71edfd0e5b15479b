import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { reapplyJob, type ReapplyProgress as Progress } from '../../pipeline/reapply-curation';
import { blockedFormsQuery } from '../../store/curation-writes';
import { editById, listEdits, type EditRecord } from '../../store/edits';
import type { EntityRecord } from '../../store/records';
import type { Context } from '../context';
import { badUserInput, notFound } from '../errors';
import { pageWindow, toConnection } from '../pagination';
import { RelationTypeEnum } from '../types/article.type';
import { BlockedForm, Edit, EditConnection, EditFilter, NameLanguageEnum, ReapplyProgress } from '../types/curation.type';
import { Entity, EntityTypeEnum } from '../types/entity.type';
import { PageArgs } from './article.resolver';
import { requireWriteAccess } from './mutation.resolver';
import { connectionCost } from '../limits';

const MAX_REAPPLY_IDS = 100;
const MAX_SPLIT_ARTICLES = 500;

/** A name, alias or form: trimmed, 1 to 200 characters. */
function text(value: string, name: string, max = 200): string {
  const t = value.trim();
  if (!t || t.length > max) throw badUserInput(`"${name}" must be 1 to ${max} characters.`, name);
  return t;
}

/** The key's name, once write access is checked: every curation edit says who made it. */
function editor(ctx: Context): string {
  requireWriteAccess(ctx);
  return ctx.actor ?? 'unknown';
}

/**
 * The editor's corrections: each mutation is one transaction, needs the API key and leaves an
 * Edit in the audit trail; afterwards the next article reads a fresh snapshot of the rules.
 */
@Resolver()
export class CurationResolver {
  @Mutation(() => Entity, {
    description:
      'Adds a surface form to an entity: search finds it and extraction resolves it to this entity. A form another entity answers to is refused (CONFLICT, reason ALIAS_TAKEN) unless `force`. Needs the API key.',
  })
  async addAlias(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('alias') alias: string,
    @Arg('force', {
      defaultValue: false,
      description: 'Add it even though another entity answers to it; it becomes this entity’s alone among editors’ aliases.',
    })
    force: boolean,
  ): Promise<EntityRecord> {
    const actor = editor(ctx);
    const { result } = await ctx.writes.addAlias({ id, alias: text(alias, 'alias'), force, actor });
    return result;
  }

  @Mutation(() => Entity, { description: 'Removes an alias; re-ingesting articles does not bring it back. Needs the API key.' })
  async removeAlias(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('alias') alias: string): Promise<EntityRecord> {
    const actor = editor(ctx);
    const { result } = await ctx.writes.removeAlias({ id, alias: text(alias, 'alias'), actor });
    return result;
  }

  @Mutation(() => Entity, {
    description:
      'Sets the display name in one language (ZH: `name`, EN: `nameEn`); no article’s spelling replaces it. The old name stays an alias. Needs the API key.',
  })
  async renameEntity(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('name') name: string,
    @Arg('language', () => NameLanguageEnum, { defaultValue: NameLanguageEnum.ZH }) language: NameLanguageEnum,
  ): Promise<EntityRecord> {
    const actor = editor(ctx);
    const { result } = await ctx.writes.renameEntity({
      id,
      name: text(name, 'name'),
      language: language === NameLanguageEnum.EN ? 'en' : 'zh',
      actor,
    });
    return result;
  }

  @Mutation(() => Entity, {
    description: 'Changes what kind of entity this is (a topic that is really an organization); the id stays. Needs the API key.',
  })
  async setEntityType(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('type', () => EntityTypeEnum) type: EntityTypeEnum,
  ): Promise<EntityRecord> {
    const actor = editor(ctx);
    const { result } = await ctx.writes.setEntityType({ id, type, actor });
    return result;
  }

  @Mutation(() => Edit, {
    description:
      'Deletes an entity with its mentions and relations; extraction never recreates its id (undoEdit brings it back). Needs the API key.',
  })
  async deleteEntity(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<EditRecord> {
    const actor = editor(ctx);
    const { edit } = await ctx.writes.deleteEntity({ id, actor });
    return edit;
  }

  @Mutation(() => Entity, {
    description:
      'Moves the mentions (and relations stated) in the given articles to a new entity named `name`; re-ingesting them keeps them there. Needs the API key.',
  })
  async splitEntity(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('articleIds', () => [ID]) articleIds: string[],
    @Arg('name') name: string,
    @Arg('newId', () => ID, {
      nullable: true,
      description: 'Id of the new entity (default: the prefix of `id` and the name, e.g. person:<name>).',
    })
    newId?: string,
  ): Promise<EntityRecord> {
    const actor = editor(ctx);
    if (!articleIds.length || articleIds.length > MAX_SPLIT_ARTICLES)
      throw badUserInput(`"articleIds" must hold 1 to ${MAX_SPLIT_ARTICLES} ids.`, 'articleIds');
    const { result } = await ctx.writes.splitEntity({
      id,
      articleIds,
      name: text(name, 'name'),
      ...(newId ? { newId: text(newId, 'newId') } : {}),
      actor,
    });
    return result;
  }

  @Mutation(() => Entity, {
    description:
      'Merges one entity into another: mentions and relations move, names become aliases (unless keepAliases is false), the old id redirects and answers entity(id) with the kept one. Different types are refused (CONFLICT, reason TYPE_MISMATCH) unless `force`. Needs the API key.',
  })
  async mergeEntities(
    @Ctx() ctx: Context,
    @Arg('keepId', () => ID) keepId: string,
    @Arg('mergeId', () => ID) mergeId: string,
    @Arg('force', { defaultValue: false, description: 'Merge even though the types differ (the kept entity’s type stays).' })
    force: boolean,
    @Arg('keepAliases', { defaultValue: true, description: 'false: the merged entity’s names are junk, they do not become aliases.' })
    keepAliases: boolean,
  ): Promise<EntityRecord> {
    const actor = editor(ctx);
    if (keepId === mergeId) throw badUserInput('"keepId" and "mergeId" must differ.', 'mergeId');
    const { result } = await ctx.writes.mergeEntities({ keepId, mergeId, force, keepAliases, actor });
    return result;
  }

  @Mutation(() => Edit, {
    description:
      'Rejects a relation between two entities, as stated in one article (`articleId`) or everywhere, under any title or one (`title`): its edges go and re-ingesting never writes it again. Needs the API key.',
  })
  async rejectRelation(
    @Ctx() ctx: Context,
    @Arg('type', () => RelationTypeEnum) type: RelationTypeEnum,
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('articleId', () => ID, { nullable: true, description: 'Only as stated in this article; absent: everywhere.' }) articleId?: string,
    @Arg('title', () => String, {
      nullable: true,
      description: 'Only under this title (HOLDS_ROLE, MEMBER_OF: "召委", "Minister"); absent: under any title.',
    })
    title?: string,
  ): Promise<EditRecord> {
    const actor = editor(ctx);
    const { edit } = await ctx.writes.rejectRelation({
      type,
      from,
      to,
      articleId: articleId ?? null,
      title: title ?? null,
      actor,
    });
    return edit;
  }

  @Mutation(() => Edit, {
    description:
      'States a relation the extractor missed, with the editor’s note as its evidence; re-ingesting leaves it alone. Needs the API key.',
  })
  async addRelation(
    @Ctx() ctx: Context,
    @Arg('type', () => RelationTypeEnum) type: RelationTypeEnum,
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('note', { description: 'Why it holds (a source, a sentence); shown as the evidence.' }) note: string,
    @Arg('title', () => String, { nullable: true, description: 'For HOLDS_ROLE: the title.' }) title?: string,
  ): Promise<EditRecord> {
    const actor = editor(ctx);
    const { edit } = await ctx.writes.addRelation({
      type,
      from,
      to,
      note: text(note, 'note', 2000),
      title: title ? text(title, 'title') : null,
      actor,
    });
    return edit;
  }

  @Mutation(() => Edit, {
    description:
      'A surface form that never names an entity of this type (an adverb is never a topic); the next article obeys it, reapplyCuration applies it to earlier ones. Needs the API key.',
  })
  async blockSurfaceForm(
    @Ctx() ctx: Context,
    @Arg('type', () => EntityTypeEnum) type: EntityTypeEnum,
    @Arg('surface') surface: string,
  ): Promise<EditRecord> {
    const actor = editor(ctx);
    const { edit } = await ctx.writes.blockForm({ type, surface: text(surface, 'surface'), blocked: true, actor });
    return edit;
  }

  @Mutation(() => Edit, { description: 'Lifts a blocked form. Needs the API key.' })
  async unblockSurfaceForm(
    @Ctx() ctx: Context,
    @Arg('type', () => EntityTypeEnum) type: EntityTypeEnum,
    @Arg('surface') surface: string,
  ): Promise<EditRecord> {
    const actor = editor(ctx);
    const { edit } = await ctx.writes.blockForm({ type, surface: text(surface, 'surface'), blocked: false, actor });
    return edit;
  }

  @Query(() => [BlockedForm], { description: 'The blocked surface forms, by type.' })
  async blockedForms(@Ctx() ctx: Context): Promise<BlockedForm[]> {
    return ctx.store.read(blockedFormsQuery());
  }

  @Mutation(() => ReapplyProgress, {
    description: `Reads articles ingested before again with the current curation (blocked forms, aliases, deletions, rejections), in bounded batches. With \`ids\` (at most ${MAX_REAPPLY_IDS}) it returns when done; with \`all: true\` it starts in the background and reapplyJob(id) tells how far it got. Needs the API key.`,
  })
  async reapplyCuration(
    @Ctx() ctx: Context,
    @Arg('ids', () => [ID], { nullable: true }) ids?: string[],
    @Arg('all', { nullable: true }) all?: boolean,
  ): Promise<Progress> {
    const actor = editor(ctx);
    if (!!all === !!ids) throw badUserInput('Pass either "ids" or "all: true".', ids ? 'all' : 'ids');
    if (ids && (!ids.length || ids.length > MAX_REAPPLY_IDS))
      throw badUserInput(`"ids" must hold 1 to ${MAX_REAPPLY_IDS} article ids; use all: true for more.`, 'ids');
    if (ids) {
      const progress = await ctx.writes.reapplyCuration({ ids });
      await ctx.writes.recordReapply({ articles: progress.done, all: false, actor });
      return progress;
    }
    const job = await ctx.writes.startReapplyAll();
    await ctx.writes.recordReapply({ articles: job.total, all: true, actor });
    return job;
  }

  @Query(() => ReapplyProgress, { nullable: true, description: 'Progress of a reapplyCuration(all: true) started by this server process.' })
  reapplyJob(@Arg('id', () => ID) id: string): Progress | null {
    return reapplyJob(id);
  }

  @Query(() => EditConnection, {
    complexity: connectionCost,
    description: 'The audit trail, newest first: every curation edit with who made it and what it changed.',
  })
  async edits(
    @Ctx() ctx: Context,
    @Args() { first, after }: PageArgs,
    @Arg('filter', () => EditFilter, { nullable: true }) filter?: EditFilter,
  ) {
    const window = pageWindow(first, after);
    return toConnection(await listEdits(ctx.store, { filter: { ...filter }, ...window }), window);
  }

  @Query(() => Edit, { nullable: true, description: 'One edit by id.' })
  edit(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<EditRecord | null> {
    return editById(ctx.store, id);
  }

  @Mutation(() => Edit, {
    description:
      'Restores the graph as it was before an edit (the undo is an edit too). Refused (CONFLICT, reason LATER_EDITS, with `dependents`) while later edits touched the same entities or relations. Needs the API key.',
  })
  async undoEdit(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<EditRecord> {
    const actor = editor(ctx);
    const edit = await ctx.writes.undoEdit(id, actor);
    if (!edit) throw notFound(`Edit "${id}"`);
    return edit;
  }
}
