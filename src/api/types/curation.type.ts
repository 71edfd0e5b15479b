import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EntityTypeEnum } from './entity.type';
import { PageInfo } from './connection.type';
import { pageItemsCost } from '../limits';

export enum NameLanguageEnum {
  ZH = 'zh',
  EN = 'en',
}
registerEnumType(NameLanguageEnum, {
  name: 'NameLanguage',
  description: 'Which display name: the Chinese `name` or the English `nameEn`.',
});

@ObjectType({ description: 'One change an editor made, with the graph as it was before and after it (the audit trail).' })
export class Edit {
  @Field(() => ID, { description: 'e.g. "edit:42"; edits are numbered in the order they were made.' })
  id!: string;

  @Field({ description: 'When it was made (ISO 8601).' })
  at!: string;

  @Field({
    description: 'Who made it: the name of the API key the request carried (a named key "alice:…" is alice; an unnamed one key:<hash>).',
  })
  actor!: string;

  @Field({
    description:
      'The mutation: addAlias, removeAlias, renameEntity, setEntityType, deleteEntity, splitEntity, mergeEntities, rejectRelation, addRelation, blockSurfaceForm, unblockSurfaceForm, undoEdit, reapplyCuration.',
  })
  action!: string;

  @Field({ description: 'One line for people, e.g. `removeAlias person:X "Y"`.' })
  summary!: string;

  @Field({ description: 'The arguments it was called with, as JSON.' })
  args!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The part of the graph it touched, before it, as JSON (entities, relation pairs, rules).',
  })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'The same part after it, as JSON.' })
  after!: string | null;

  @Field(() => [ID], { description: 'Entities it touched.' })
  entityIds!: string[];

  @Field(() => ID, { nullable: true, description: 'The edit that undid this one, if any.' })
  undoneBy!: string | null;

  @Field(() => ID, { nullable: true, description: 'For an undo: the edit it undid.' })
  undoes!: string | null;
}

@ObjectType({ description: 'An edit in a page of the audit trail.' })
export class EditEdge {
  @Field({ description: 'Opaque cursor of this item.' })
  cursor!: string;

  @Field(() => Edit, { description: 'The edit.' })
  node!: Edit;
}

@ObjectType({ description: 'A page of the audit trail, newest first.' })
export class EditConnection {
  @Field(() => [EditEdge], { complexity: pageItemsCost, description: 'The edits of this page with their cursors.' })
  edges!: EditEdge[];

  @Field(() => [Edit], { complexity: pageItemsCost, description: 'The edits of this page (shortcut for edges.node).' })
  nodes!: Edit[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of edits over all pages.' })
  totalCount!: number;
}

@InputType({ description: 'Which edits to list; every field narrows the list.' })
export class EditFilter {
  @Field({ nullable: true, description: 'Only this mutation, e.g. "mergeEntities".' })
  action?: string;

  @Field({ nullable: true, description: 'Only edits made with this key name.' })
  actor?: string;

  @Field(() => ID, { nullable: true, description: 'Only edits that touched this entity.' })
  entityId?: string;

  @Field({ nullable: true, description: 'Leave out undone edits and the undos themselves.' })
  activeOnly?: boolean;
}

@ObjectType({ description: 'A surface form that never names an entity of a type; extraction obeys it.' })
export class BlockedForm {
  @Field(() => EntityTypeEnum, { description: 'The type it never names.' })
  type!: EntityTypeEnum;

  @Field({ description: 'The form, as the editor wrote it (compared without case, Traditional and Simplified alike).' })
  surface!: string;
}

@ObjectType({ description: 'How far re-reading articles with the current curation got.' })
export class ReapplyProgress {
  @Field(() => ID, { description: 'Ask reapplyJob(id) for progress while it runs.' })
  id!: string;

  @Field(() => Int, { description: 'Articles to read again.' })
  total!: number;

  @Field(() => Int, { description: 'Articles read again so far.' })
  done!: number;

  @Field(() => Int, { description: 'Requested ids that are no stored article.' })
  failed!: number;

  @Field({ description: 'running, done or failed.' })
  status!: string;

  @Field(() => String, { nullable: true, description: 'Why it failed.' })
  error?: string | null;

  @Field({ description: 'When it started (ISO 8601).' })
  startedAt!: string;

  @Field(() => String, { nullable: true, description: 'When it ended.' })
  finishedAt?: string | null;
}
