import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { configureLexicon, DEFAULT_LEXICON_DIR, getLexicon, LexiconError } from '../../../src/extract/lexicon';
import { loadConfig } from '../../../src/config';

describe('lexicon files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-lexicon-'));
  });
  afterEach(() => {
    configureLexicon({ dir: DEFAULT_LEXICON_DIR });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const loading = (file: string, text: string): (() => unknown) => {
    fs.writeFileSync(path.join(dir, file), text);
    configureLexicon({ dir });
    return () => getLexicon();
  };

  it('loads a directory with a valid file', () => {
    const lex = loading('organizations.json', JSON.stringify([{ name: '測試部', kind: 'government' }]))();
    expect(lex).toBeDefined();
  });

  it('fails loudly, naming the file and the problem', () => {
    const file = path.join(dir, 'people.json');
    expect(loading('people.json', '[{"name": "甲",')).toThrow(
      new RegExp(`^Lexicon file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON`),
    );
    expect(loading('people.json', '{"name": "甲"}')).toThrow('must hold a JSON array, got object');
    expect(loading('people.json', '[{"name": "甲"}, {"en": "Nameless"}]')).toThrow(
      'entry 1 needs "name" as a non-empty string, got undefined',
    );
    expect(loading('people.json', '[{"name": "甲"}, "乙"]')).toThrow(LexiconError);
    expect(loading('organizations.json', '[{"name": "測試社", "kind": "club"}]')).toThrow(
      'entry 0 has kind "club"; known kinds: government,',
    );
  });

  it('takes its directory from the configuration, not from the environment itself', () => {
    expect(loadConfig({}).lexiconDir).toBe(DEFAULT_LEXICON_DIR);
    expect(loadConfig({ NEWSGRAPH_LEXICON_DIR: dir }).lexiconDir).toBe(dir);
  });
});
