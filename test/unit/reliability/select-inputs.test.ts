import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countInputs, isSidecar, readInputs, type SkipReason } from '../../../src/ingest';

const page = (title: string): string => `${title}\n\n記者林小華／台北報導\n\n${title}，經濟部今天在台北說明。\n`;

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'select-inputs-'));
  mkdirSync(join(dir, '2025'));
  writeFileSync(join(dir, 'a.txt'), page('颱風假消息查證'));
  writeFileSync(join(dir, 'a.gold.json'), JSON.stringify({ entities: [{ id: 'person:x', type: 'person', name: '某人' }] }));
  writeFileSync(
    join(dir, 'b.html'),
    `<html><head><title>港口擴建</title></head><body><article><h1>港口擴建</h1><p>交通部今天說明港口擴建計畫，預計明年完工。</p></article></body></html>`,
  );
  writeFileSync(join(dir, 'b.notes.json'), JSON.stringify({ checked: true }));
  writeFileSync(
    join(dir, 'batch.json'),
    JSON.stringify([{ title: '夜市攤商改用環保餐具', body: '台北市環保局今天表示，夜市攤商將改用環保餐具。' }]),
  );
  writeFileSync(join(dir, '2025', 'c.txt'), page('農產品外銷成長'));
  return dir;
}

async function run(paths: string[], options: { include?: string[]; exclude?: string[] } = {}) {
  const skipped: Array<[string, SkipReason]> = [];
  const titles: string[] = [];
  const errors: string[] = [];
  for await (const item of readInputs(paths, { ...options, onSkip: (p, r) => skipped.push([p, r]) })) {
    if (item.article) titles.push(item.article.title);
    else errors.push(item.error?.message ?? '');
  }
  return { titles, errors, skipped };
}

describe('which files ingest reads', () => {
  it('skips annotation sidecars next to articles by default, and says so', async () => {
    const dir = folder();
    const { titles, errors, skipped } = await run([dir]);
    expect(errors).toEqual([]);
    expect(titles.sort()).toEqual(['夜市攤商改用環保餐具', '港口擴建', '農產品外銷成長', '颱風假消息查證'].sort());
    expect(skipped.map(([p, r]) => [p.replace(dir, ''), r]).sort()).toEqual([
      ['/a.gold.json', 'sidecar'],
      ['/b.notes.json', 'sidecar'],
    ]);
    expect(await countInputs([dir])).toBe(4);
  });

  it('applies the same rule to files named one by one (a shell glob)', async () => {
    const dir = folder();
    const { titles, skipped } = await run([join(dir, 'a.txt'), join(dir, 'a.gold.json')]);
    expect(titles).toEqual(['颱風假消息查證']);
    expect(skipped.map(([, r]) => r)).toEqual(['sidecar']);
  });

  it('--include narrows to the files that match, by name or by path under the directory', async () => {
    const dir = folder();
    expect((await run([dir], { include: ['*.txt'] })).titles.sort()).toEqual(['農產品外銷成長', '颱風假消息查證'].sort());
    expect((await run([dir], { include: ['2025/**'] })).titles).toEqual(['農產品外銷成長']);
    // naming a sidecar reads it: the user asked for it (and it is no article: a coded error)
    const gold = await run([dir], { include: ['*.gold.json'] });
    expect(gold.titles).toEqual([]);
    expect(gold.errors).toHaveLength(1);
    expect(gold.errors[0]).toContain('a.gold.json');
  });

  it('--exclude leaves files out', async () => {
    const dir = folder();
    const { titles, skipped } = await run([dir], { exclude: ['*.html', '2025/**'] });
    expect(titles.sort()).toEqual(['夜市攤商改用環保餐具', '颱風假消息查證'].sort());
    expect(skipped.filter(([, r]) => r === 'excluded')).toHaveLength(2);
    expect(await countInputs([dir], { exclude: ['*.html', '2025/**'] })).toBe(2);
  });

  it('tells a sidecar from a batch by its siblings', () => {
    expect(isSidecar('x.gold.json', [])).toBe(true);
    expect(isSidecar('x.meta.json', ['x.meta.json', 'x.html'])).toBe(true);
    expect(isSidecar('2025.batch.json', ['2025.batch.json', 'other.txt'])).toBe(false);
    expect(isSidecar('feed.json', ['feed.json', 'feed.txt'])).toBe(false);
  });
});
