import * as iconv from 'iconv-lite';
import { decodeBuffer } from '../../../src/ingest';

describe('decodeBuffer', () => {
  const zh = '行政院今天通過明年度總預算案，經濟部長出席記者會說明。';

  it('decodes UTF-8 with and without a BOM', () => {
    expect(decodeBuffer(Buffer.from(zh, 'utf8'))).toBe(zh);
    expect(decodeBuffer(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(zh, 'utf8')]))).toBe(zh);
  });

  it('decodes UTF-16 little- and big-endian with a BOM', () => {
    expect(decodeBuffer(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(zh, 'utf16le')]))).toBe(zh);
    expect(decodeBuffer(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(zh, 'utf16be')]))).toBe(zh);
  });

  it('recognises Big5 bytes and decodes them', () => {
    const big5 = iconv.encode(zh, 'big5');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(big5)).toThrow();
    expect(decodeBuffer(big5, 'big5.txt')).toBe(zh);
  });

  it('refuses GBK text as an unknown encoding instead of returning garbage', () => {
    const gbk = iconv.encode('国务院今天发布新闻稿，表示经济发展稳定，各地政府要加强管理，确保民生。', 'gbk');
    expect(() => decodeBuffer(gbk, 'gbk.txt')).toThrow(/gbk\.txt: unknown text encoding/);
  });

  it('refuses binary files', () => {
    expect(() => decodeBuffer(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'photo.txt')).toThrow(
      /photo\.txt: binary file \(PNG\)/,
    );
    expect(() => decodeBuffer(Buffer.from([0x41, 0x00, 0x42, 0x00, 0x43]), 'data.txt')).toThrow(/binary file/);
  });

  it('refuses an empty file', () => {
    expect(() => decodeBuffer(Buffer.alloc(0), 'empty.txt')).toThrow('empty.txt: empty file');
  });
});
