import 'reflect-metadata';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { createSchema } from '../../src/api/schema';
import { MAX_DEPTH, queryLimits } from '../../src/api/limits';

describe('query limits', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });
  const check = (query: string, variables: Record<string, unknown> = {}) =>
    validate(schema, parse(query), [queryLimits({ variables })]).map((e) => ({ message: e.message, ...e.extensions }));

  it('accepts an ordinary nested query', () => {
    expect(check('{ articles(first: 20) { nodes { title mentions { entity { name relations(first: 5) { type } } } } } }')).toEqual([]);
  });

  it('names the depth limit when a query nests too deeply', () => {
    let inner = 'id';
    for (let i = 0; i < 6; i++) inner = `relations(first: 1) { to { ${inner} } }`;
    const errors = check(`{ entity(id: "x") { ${inner} } }`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: MAX_DEPTH });
    expect(errors[0].message).toMatch(/too deep/);
  });

  it('prices page sizes, including those passed as variables', () => {
    const query =
      'query($n: Int) { articles(first: $n) { nodes { mentions { entity { articles(first: $n) { nodes { mentions { count } } } } } } } }';
    expect(check(query, { n: 2 })).toEqual([]);
    const errors = check(query, { n: 100 });
    expect(errors[0]).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    expect(errors[0].message).toMatch(/estimated cost \d+ exceeds/);
  });

  it('leaves out of the price what @skip and @include leave out of the answer', () => {
    const query =
      'query($skip: Boolean!) { articles(first: 100) @skip(if: $skip) { nodes { mentions { entity { articles(first: 100) { nodes { id } } } } } } }';
    expect(check(query, { skip: false })[0]).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    expect(check(query, { skip: true })).toEqual([]);
  });
});
