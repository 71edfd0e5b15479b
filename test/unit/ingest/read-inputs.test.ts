import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import * as iconv from 'iconv-lite';
import { countInputs, readInputs, type InputItem } from '../../../src/ingest';

const FIXTURES = join(__dirname, '../../fixtures/ingest');

async function collect(paths: string[], options: Parameters<typeof readInputs>[1] = {}): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readInputs(paths, options)) out.push(item);
  return out;
}

describe('readInputs', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ingest-test-'));

  it('walks a directory recursively, skipping files of unknown type', async () => {
    const items = await collect([join(FIXTURES, 'dir')]);
    expect(items.map((i) => i.article?.title)).toEqual(['Night market vendors switch to reusable bowls', '台東熱氣球嘉年華開幕']);
    expect(items.every((i) => !i.error)).toBe(true);
    expect(items[1].origin).toBe(join(FIXTURES, 'dir', 'one.txt'));
    expect(items[1].article?.authors).toEqual([{ name: '張志強', role: 'reporter' }]);
  });

  it('detects formats by content and yields one item per batch or feed entry', async () => {
    const items = await collect([join(FIXTURES, 'batch.json'), join(FIXTURES, 'feed-atom.xml'), join(FIXTURES, 'article-og.html')]);
    expect(items).toHaveLength(3 + 2 + 1);
    expect(items.filter((i) => i.error).map((i) => i.origin)).toEqual([`${join(FIXTURES, 'batch.json')}#3`]);
  });

  it('reads a Big5 text file', async () => {
    const path = join(scratch, 'big5.txt');
    writeFileSync(
      path,
      iconv.encode(
        '桃園機場第三航廈動工 預計四年完工\n\n記者周文彬／桃園報導\n桃園機場第三航廈北登機廊廳今天動工，交通部長出席典禮。\n',
        'big5',
      ),
    );
    const [item] = await collect([path]);
    expect(item.article?.title).toBe('桃園機場第三航廈動工 預計四年完工');
    expect(item.article?.authors).toEqual([{ name: '周文彬', role: 'reporter' }]);
    expect(item.article?.language).toBe('zh-Hant');
  });

  it('reads stdin for "-"', async () => {
    const stdin = Readable.from([Buffer.from('title: 澎湖花火節開幕\n\n澎湖國際海上花火節今晚在觀音亭開幕，首場吸引上萬名遊客。\n')]);
    const [item] = await collect(['-'], { stdin });
    expect(item.origin).toBe('stdin');
    expect(item.article?.title).toBe('澎湖花火節開幕');
  });

  it('reports each bad file and goes on with the next one', async () => {
    const empty = join(scratch, 'empty.txt');
    writeFileSync(empty, '');
    const binary = join(scratch, 'image.txt');
    writeFileSync(binary, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3]));
    const big = join(scratch, 'big.txt');
    writeFileSync(big, `Some headline for a big file\n\n${'x'.repeat(2000)}`);
    const badJson = join(scratch, 'bad.json');
    writeFileSync(badJson, '[{"title": "a",]');
    const badXml = join(scratch, 'bad.xml');
    writeFileSync(badXml, '<?xml version="1.0"?><rss><channel><item></channel>');
    const fakeHtml = join(scratch, 'fake.html');
    writeFileSync(fakeHtml, 'no markup at all here');
    const good = join(FIXTURES, 'dir', 'one.txt');
    const items = await collect([empty, binary, big, badJson, badXml, fakeHtml, join(scratch, 'missing.txt'), good], { maxBytes: 1000 });
    const messages = items.map((i) => i.error?.message ?? `ok ${i.article?.title}`);
    expect(messages).toEqual([
      `${empty}: empty file`,
      expect.stringMatching(/image\.txt: binary file \(JPEG\)/),
      expect.stringMatching(/big\.txt: file over the size limit \(\d+ > 1000 bytes\)/),
      expect.stringMatching(/bad\.json: malformed JSON/),
      expect.stringMatching(/bad\.xml: malformed XML/),
      expect.stringMatching(/fake\.html: malformed HTML/),
      expect.stringMatching(/missing\.txt: no such file or directory/),
      'ok 台東熱氣球嘉年華開幕',
    ]);
    expect(items.filter((i) => i.error).every((i) => i.error?.code === 'BAD_USER_INPUT')).toBe(true);
  });

  it('enforces the size limit on stdin too', async () => {
    const stdin = Readable.from([Buffer.from('a'.repeat(600)), Buffer.from('b'.repeat(600))]);
    const [item] = await collect(['-'], { stdin, maxBytes: 1000 });
    expect(item.error?.message).toMatch(/stdin: input over the size limit/);
  });
});

describe('countInputs', () => {
  it('counts batch items and feed entries, one per other file', async () => {
    const paths = [
      join(FIXTURES, 'dir'),
      join(FIXTURES, 'batch.json'),
      join(FIXTURES, 'batch.ndjson'),
      join(FIXTURES, 'feed-rss.xml'),
      join(FIXTURES, 'article-jsonld.html'),
    ];
    expect(await countInputs(paths)).toBe(2 + 3 + 3 + 3 + 1);
    let yielded = 0;
    for await (const item of readInputs(paths)) if (item) yielded += 1;
    expect(yielded).toBe(await countInputs(paths));
  });

  it('counts stdin and missing paths as one each', async () => {
    expect(await countInputs(['-', '/definitely/not/here'])).toBe(2);
  });
});
