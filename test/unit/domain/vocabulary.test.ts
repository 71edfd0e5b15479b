import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AUTHOR_ROLES, ENTITY_TYPES, ORGANIZATION_KINDS, RELATION_TYPES } from '../../../src/domain/vocabulary';
import { AuthorRoleEnum, RelationTypeEnum } from '../../../src/api/types/article.type';
import { EntityTypeEnum, OrganizationKindEnum } from '../../../src/api/types/entity.type';
import { BANDS } from '../../../src/store/fingerprint';
import { ENTITY_LABELS, RELATION_LABELS } from '../../../src/store/labels';

const DDL = fs.readFileSync(path.resolve(__dirname, '../../../schema/neo4j.cypher'), 'utf8');

describe('one source of truth for the vocabularies', () => {
  it('gives every entity type a label, and the full-text index of names covers exactly those labels', () => {
    expect(Object.keys(ENTITY_LABELS)).toEqual([...ENTITY_TYPES]);
    const m = /CREATE FULLTEXT INDEX entity_names IF NOT EXISTS\s+FOR \(n:([A-Za-z|]+)\)/.exec(DDL);
    expect(m).not.toBeNull();
    expect(m![1].split('|').sort()).toEqual(Object.values(ENTITY_LABELS).sort());
  });

  it('indexes every MinHash band the fingerprint writes, and no other, each with the order band seeks read it in', () => {
    const bands = [
      ...DDL.matchAll(/CREATE INDEX article_band(\d+)_at IF NOT EXISTS FOR \(a:Article\) ON \(a\.band(\d+), a\.bandAt, a\.id\)/g),
    ];
    for (const b of bands) expect(b[1]).toBe(b[2]);
    expect(DDL.match(/ON \(a\.band\d/g)).toHaveLength(BANDS);
    expect(bands.map((b) => Number(b[1]))).toEqual(Array.from({ length: BANDS }, (_, i) => i));
  });

  it('spells relationship types from the vocabulary', () => {
    expect(Object.keys(RELATION_LABELS)).toEqual([...RELATION_TYPES]);
    expect(Object.values(RELATION_LABELS)).toEqual([...RELATION_TYPES]);
  });

  it('builds the GraphQL enums from the same arrays, in the same order', () => {
    expect(Object.values(EntityTypeEnum)).toEqual([...ENTITY_TYPES]);
    expect(Object.values(OrganizationKindEnum)).toEqual([...ORGANIZATION_KINDS]);
    expect(Object.values(AuthorRoleEnum)).toEqual([...AUTHOR_ROLES]);
    expect(Object.values(RelationTypeEnum)).toEqual([...RELATION_TYPES]);
    expect(EntityTypeEnum.PERSON).toBe('person');
    expect(RelationTypeEnum.HOLDS_ROLE).toBe('HOLDS_ROLE');
  });
});
