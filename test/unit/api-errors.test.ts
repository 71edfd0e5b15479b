import { GraphQLError } from 'graphql';
import { formatError } from '../../src/api/errors';
import { NewsGraphError } from '../../src/domain/errors';

describe('error masking', () => {
  const formatted = (e: GraphQLError) => ({ message: e.message, path: ['article'], extensions: e.extensions });

  it('hides unexpected errors from clients and logs them in full', () => {
    const logged: unknown[] = [];
    const secret = new Error('Neo.ClientError.Statement.SyntaxError: MATCH (n:Secret) ...');
    const wrapped = new GraphQLError(secret.message, { originalError: secret, path: ['article'] });
    const out = formatError(formatted(wrapped), wrapped, (_msg, err) => logged.push(err));
    expect(out.message).toBe('Internal server error');
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(out)).not.toContain('Secret');
    expect(logged).toEqual([secret]);
  });

  it('passes deliberate errors through with their code', () => {
    const bad = new GraphQLError('"first" must be between 0 and 100, got 500.', { extensions: { code: 'BAD_USER_INPUT' } });
    expect(formatError(formatted(bad), bad, () => undefined)).toMatchObject({
      message: bad.message,
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const down = new NewsGraphError('UNAVAILABLE', 'The graph database is unavailable; try again shortly.');
    const wrapped = new GraphQLError(down.message, { originalError: down });
    expect(formatError(formatted(wrapped), wrapped, () => undefined)).toMatchObject({ extensions: { code: 'UNAVAILABLE' } });
  });
});
