import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1' } });

/** The built command, as a user runs it (npm test builds dist/ first). */
describe('newsgraph command line', () => {
  it('prints its version', () => {
    const r = cli('--version');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(
      `newsgraph ${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}`,
    );
  });

  it('answers unknown flags, unknown commands and missing arguments with the same usage error and exit code', () => {
    for (const args of [
      ['ingest', '--frobnicate', 'x.txt'],
      ['extract', '--fromat', 'json', 'x.txt'],
      ['--bogus'],
      ['frobnicate'],
      ['ingest'],
      ['extract'],
      [],
    ]) {
      const r = cli(...args);
      expect({ args, status: r.status }).toEqual({ args, status: 2 });
      expect(r.stderr).toMatch(/^newsgraph: .+\n\nUsage:/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(cli('ingest', '--frobnicate', 'x.txt').stderr).toMatch(/unknown option "--frobnicate"/);
  });

  it('finishes quietly when its reader stops early (a pipe into head)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-pipe-'));
    for (let k = 0; k < 60; k++)
      writeFileSync(join(dir, `${k}.txt`), `url: https://pipe.example.test/${k}\n\n漁港第${k}次整修\n\n漁會今天說明漁港第${k}次整修進度。`);
    // the shell's own pipe: head reads one line and exits while ingest is still printing
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" ingest --dry-run "${dir}" | head -n 1 > /dev/null`], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });

  it('takes a batch size for ingest between 1 and 1000, and names a bad one', () => {
    for (const bad of ['0', '1001', '2.5', 'many']) {
      const r = cli('ingest', '--batch-size', bad, '--dry-run', 'x.txt');
      expect({ bad, status: r.status }).toEqual({ bad, status: 2 });
      expect(r.stderr).toContain(`--batch-size must be an integer from 1 to 1000, got "${bad}"`);
    }
    const dir = mkdtempSync(join(tmpdir(), 'cli-batch-'));
    for (const k of [1, 2, 3])
      writeFileSync(
        join(dir, `${k}.txt`),
        `url: https://batch.example.test/${k}\n\n港務局第${k}次說明碼頭工程\n\n港務局今天說明碼頭工程第${k}期進度。`,
      );
    const ok = cli('ingest', '--batch-size', '2', '--dry-run', dir);
    expect(ok.status).toBe(0);
    expect(ok.stdout.match(/^dry-run /gm)).toHaveLength(3);
  });

  it('prints a multi-item input as one JSON array, or as NDJSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-extract-'));
    const feed = join(dir, 'feed.xml');
    writeFileSync(
      feed,
      `<?xml version="1.0"?><rss version="2.0"><channel><title>測試</title>
<item><title>外交部長訪問日本</title><link>https://example.test/1</link><description>外交部長林小明今天訪問日本，與日本官員會談。</description></item>
<item><title>經濟部說明出口</title><link>https://example.test/2</link><description>經濟部今天表示，半導體出口持續成長。</description></item>
</channel></rss>`,
    );
    const json = cli('extract', feed, '--format', 'json');
    expect(json.status).toBe(0);
    const parsed = JSON.parse(json.stdout) as Array<{ article: { title: string } }>;
    expect(parsed.map((p) => p.article.title)).toEqual(['外交部長訪問日本', '經濟部說明出口']);

    const nd = cli('extract', feed, '--format', 'ndjson');
    expect(nd.status).toBe(0);
    const lines = nd.stdout.trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { article: { title: string } }).article.title)).toEqual([
      '外交部長訪問日本',
      '經濟部說明出口',
    ]);

    // one page stays one object, as the extraction scorer reads it
    const one = cli('extract', join(ROOT, 'seeds', 'articles', 'udn-2025-10-21-rare-earth-report.txt'), '--format', 'json');
    expect(Array.isArray(JSON.parse(one.stdout))).toBe(false);
  });

  it('says in one line when Neo4j cannot be reached', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-down-'));
    writeFileSync(join(dir, 'a.txt'), '標題\n\n外交部今天表示，將持續推動合作。\n');
    const r = cli('ingest', dir);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^newsgraph: Cannot reach Neo4j/);
  });
});
