/**
 * A small seeded PRNG for the sample data. shared/ may not use Math.random() (lint), and the
 * same seed must give byte-identical data on every machine, so everything random comes from here.
 */

/** mulberry32: 32-bit state, fast, good enough statistically for fake data (not for crypto). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes a seed with a label into a new 32-bit seed (FNV-1a over the label, then a murmur-style
 * finaliser). Each table draws from its own stream, so adding a field to one generator does not
 * reshuffle every other table for the same seed.
 */
export function deriveSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

export class Random {
  private readonly next: () => number;

  constructor(readonly seed: number) {
    this.next = mulberry32(seed);
  }

  /** An independent stream for one job (see deriveSeed). */
  fork(label: string): Random {
    return new Random(deriveSeed(this.seed, label));
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Uniform in [min, max). */
  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer uniform in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Integer in [min, max] on a grid of `step` (e.g. minutes in 5-minute steps). */
  step(min: number, max: number, step: number): number {
    return min + step * this.int(0, Math.floor((max - min) / step));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight; weights need not sum to 1. Always consumes exactly one number. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    if (items.length === 0 || total <= 0) throw new RangeError('weighted pick needs a positive weight');
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }

  /**
   * Roughly normal (Irwin–Hall: the sum of four uniforms), which is bounded to mean ± 3.46 sd:
   * no absurd outliers such as a negative count or a 30-hour day.
   */
  normal(mean: number, sd: number): number {
    const sum = this.next() + this.next() + this.next() + this.next();
    return mean + sd * (sum - 2) * Math.sqrt(3);
  }

  /** A non-negative integer count around `mean` (normal-ish, clamped at 0). */
  count(mean: number, sd: number): number {
    return Math.max(0, Math.round(this.normal(mean, sd)));
  }

  /** Log-uniform in [min, max]: deal sizes are spread over an order of magnitude, small ones commoner. */
  logUniform(min: number, max: number): number {
    return Math.exp(this.range(Math.log(min), Math.log(max)));
  }
}
