import * as fs from 'node:fs';
import * as path from 'node:path';
import * as semver from 'semver';

const ROOT = path.join(__dirname, '..', '..', '..');
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** package.json "engines", the lockfile, the Dockerfile and the README name the same Node. */
describe('the Node version', () => {
  const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;

  it('satisfies every locked dependency (no EBADENGINE warning from npm ci)', () => {
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node?: string } | string[] }> };
    const conflicts = Object.entries(lock.packages)
      .filter(([name, p]) => name && p.engines && !Array.isArray(p.engines) && p.engines.node)
      .filter(([, p]) => !semver.subset(engines, (p.engines as { node: string }).node))
      .map(([name, p]) => `${name} wants ${(p.engines as { node: string }).node}`);
    expect(conflicts).toEqual([]);
  });

  it('is the one the Dockerfile runs and the README asks for', () => {
    const images = [...read('Dockerfile').matchAll(/^FROM node:(\d+)/gm)].map((m) => m[1]);
    expect(images.length).toBeGreaterThan(0);
    for (const major of images) expect(semver.intersects(engines, `${major}.x`)).toBe(true);
    const readme = /Needs Node\.js (\d+)/.exec(read('README.md'));
    expect(readme).not.toBeNull();
    expect(semver.intersects(engines, `${readme![1]}.x`)).toBe(true);
    expect(semver.satisfies(process.version, engines)).toBe(true);
  });
});
