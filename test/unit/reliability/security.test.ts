import { RateLimiter, bearerMatches, clientId } from '../../../src/api/security';
import { securitySettings } from '../../../src/api/server';
import { loadConfig } from '../../../src/config';

describe('API keys', () => {
  it('accepts any of several keys (rotation) and nothing else', () => {
    const keys = ['old-key-1234', 'new-key-with-another-length'];
    expect(bearerMatches('Bearer old-key-1234', keys)).toBe(true);
    expect(bearerMatches('bearer new-key-with-another-length', keys)).toBe(true);
    expect(bearerMatches('Bearer old-key-123', keys)).toBe(false);
    expect(bearerMatches('Bearer old-key-12345', keys)).toBe(false);
    expect(bearerMatches('Bearer ', keys)).toBe(false);
    expect(bearerMatches(undefined, keys)).toBe(false);
    expect(bearerMatches('Bearer old-key-1234', [])).toBe(false);
  });

  it('counts requests against a hashed key, never the key itself', () => {
    const id = clientId('Bearer secret-key', '10.0.0.1');
    expect(id).toMatch(/^key:[0-9a-f]{16}$/);
    expect(id).not.toContain('secret');
    expect(clientId(undefined, '10.0.0.1')).toBe('ip:10.0.0.1');
  });

  it('joins NEWSGRAPH_API_KEY to the configured keys', () => {
    expect(securitySettings({ apiKey: 'a', security: { apiKeys: ['b', 'a'] } }).apiKeys).toEqual(['a', 'b']);
  });
});

describe('RateLimiter', () => {
  it('lets a burst through, then says how long to wait, then refills', () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    const wait = limiter.take('a');
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(20);
    expect(limiter.take('b')).toBe(0); // per client
    now += 20000;
    expect(limiter.take('a')).toBe(0);
  });

  it('does nothing when the limit is 0', () => {
    const limiter = new RateLimiter(0);
    for (let i = 0; i < 100; i++) expect(limiter.take('a')).toBe(0);
  });
});

describe('security configuration', () => {
  it('has development defaults and production defaults', () => {
    const dev = loadConfig({});
    expect(dev).toMatchObject({ apiKeys: [], readOnly: false, introspection: true, landingPage: true, corsOrigins: ['*'] });
    const prod = loadConfig({ NODE_ENV: 'production' });
    expect(prod).toMatchObject({ introspection: false, landingPage: false });
    expect(loadConfig({ NODE_ENV: 'production', NEWSGRAPH_LANDING_PAGE: 'yes' }).landingPage).toBe(true);
  });

  it('reads several keys, read-only mode and CORS origins', () => {
    const c = loadConfig({
      NEWSGRAPH_API_KEY: 'k1',
      NEWSGRAPH_API_KEYS: 'k2, k3,,k1',
      NEWSGRAPH_READ_ONLY: 'true',
      NEWSGRAPH_CORS_ORIGINS: 'https://a.example, http://localhost:5173',
    });
    expect(c.apiKeys).toEqual(['k1', 'k2', 'k3']);
    expect(c.readOnly).toBe(true);
    expect(c.corsOrigins).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(loadConfig({ NEWSGRAPH_CORS_ORIGINS: 'none' }).corsOrigins).toEqual([]);
  });

  it('refuses values it cannot read, naming the variable', () => {
    expect(() => loadConfig({ NEWSGRAPH_READ_ONLY: 'maybe' })).toThrow(/NEWSGRAPH_READ_ONLY must be true or false/);
    expect(() => loadConfig({ NEWSGRAPH_CORS_ORIGINS: 'a.example/path' })).toThrow(/NEWSGRAPH_CORS_ORIGINS/);
    expect(() => loadConfig({ NEWSGRAPH_MAX_BODY_BYTES: '-1' })).toThrow(/NEWSGRAPH_MAX_BODY_BYTES must be a non-negative integer/);
  });
});

describe('named API keys', () => {
  it('a key written name:secret is the secret, named for the audit trail; an unnamed key is named by its hash', async () => {
    const { apiKeyName, parseApiKey } = await import('../../../src/api/security');
    const keys = ['alice:s3cret-value', 'plain-key-without-name'];
    expect(apiKeyName('Bearer s3cret-value', keys)).toBe('alice');
    // the whole entry still works, so a key that happens to hold a colon is not locked out
    expect(apiKeyName('Bearer alice:s3cret-value', keys)).toBe('alice');
    expect(apiKeyName('Bearer plain-key-without-name', keys)).toMatch(/^key:[0-9a-f]{16}$/);
    expect(apiKeyName('Bearer plain-key-without-name', keys)).toBe(parseApiKey('plain-key-without-name').name);
    expect(apiKeyName('Bearer alice', keys)).toBeNull();
    expect(apiKeyName(undefined, keys)).toBeNull();
    expect(bearerMatches('Bearer s3cret-value', keys)).toBe(true);
  });
});
