'use strict';
/**
 * Small deterministic helpers for the synthetic-data generator and the benchmarks:
 * a seeded PRNG (sfc32), Zipf-like weighted sampling and a few picking utilities.
 */

/** 32-bit string hash (FNV-1a) used to turn a textual seed into PRNG state. */
function hashString(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** sfc32: fast, small-state, good enough statistically for test data. Returns floats in [0, 1). */
function createRng(seed) {
  const base = typeof seed === 'number' ? seed >>> 0 : hashString(String(seed));
  let a = base ^ 0x9e3779b9;
  let b = hashString(`${seed}:b`);
  let c = hashString(`${seed}:c`);
  let d = 1;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next(); // warm up the state
  const rng = {
    next,
    /** Integer in [min, max] (inclusive). */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    /** k distinct items (or fewer when the array is shorter). */
    sample: (arr, k) => {
      const copy = arr.slice();
      const out = [];
      for (let i = 0; i < k && copy.length; i++) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
      return out;
    },
  };
  return rng;
}

/**
 * Zipf-like sampler over `items` (already ordered by popularity): P(rank r) ~ 1 / (r + offset)^s.
 * Sampling is a binary search over the cumulative weights.
 */
function zipfSampler(items, s = 1.0, offset = 1) {
  const cum = new Float64Array(items.length);
  let total = 0;
  for (let i = 0; i < items.length; i++) {
    total += 1 / Math.pow(i + offset, s);
    cum[i] = total;
  }
  return (rng) => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo];
  };
}

/** Samples a value from `sampler` that is not in `exclude` (bounded number of tries). */
function pickOther(rng, sampler, exclude) {
  let v = sampler(rng);
  for (let i = 0; i < 20 && exclude.includes(v); i++) v = sampler(rng);
  return v;
}

module.exports = { hashString, createRng, zipfSampler, pickOther };
