'use strict';
/**
 * Worker thread of extract-cache.js: parses and extracts one chunk of generated page texts, the
 * way ingestion does (parseTextPage, then extract), and writes the chunk's items to the cache
 * file it is given (gzipped JSON, written to a temp name and renamed, so a killed run never
 * leaves a half-written chunk).
 */

const fs = require('node:fs');
const zlib = require('node:zlib');
const { parentPort } = require('node:worker_threads');
const { requireDist, loadParseTextPage } = require('./common');

const parseTextPage = loadParseTextPage();
const { extract } = requireDist('extract/index.js');

parentPort.on('message', ({ file, pages }) => {
  try {
    const items = pages.map(({ text, origin }) => {
      const article = parseTextPage(text, { origin });
      return { article, extraction: extract(article) };
    });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, zlib.gzipSync(JSON.stringify(items), { level: 1 }));
    fs.renameSync(tmp, file);
    parentPort.postMessage({ file, ok: true });
  } catch (err) {
    parentPort.postMessage({ file, ok: false, error: String(err && err.stack ? err.stack : err) });
  }
});
