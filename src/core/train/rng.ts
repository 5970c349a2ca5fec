/**
 * Seeded pseudo-random numbers for the trainer and the datasets. Nothing in the training code
 * calls `Math.random`: every random draw comes from an `Rng` made from a seed, so the same seed
 * gives the same data, the same initial weights and the same batch order.
 */

/** A seeded generator. Methods mutate its internal state; they never allocate. */
export interface Rng {
  /** Uniform on [0, 1), 32 bits of resolution. */
  next(): number;
  /** Standard normal N(0, 1) by the Box–Muller transform (the second value of each pair is cached). */
  normal(): number;
  /** Uniform integer in [0, n) for 1 ≤ n ≤ 2³². */
  int(n: number): number;
}

/**
 * Mixes an arbitrary number into a 32-bit seed (the finaliser of MurmurHash3), so that nearby
 * seeds such as 1, 2, 3 start far apart in the generator's state space. Non-finite input maps to 0.
 */
function hashSeed(seed: number, salt = 0): number {
  let h = (Number.isFinite(seed) ? Math.trunc(seed) : 0) ^ Math.imul(salt + 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state advanced by the Weyl increment
 * 0x6D2B79F5 and scrambled by two multiply–xorshift rounds. Period 2³²; statistically adequate
 * for data generation, weight initialisation and shuffling, and tiny and fast.
 */
class Mulberry32 implements Rng {
  private state: number;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    // u1 in (0, 1] so that log(u1) is finite.
    const u1 = 1 - this.next();
    const u2 = this.next();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    this.spare = r * Math.sin(theta);
    this.hasSpare = true;
    return r * Math.cos(theta);
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

/**
 * Creates a generator from a seed and an optional salt (use different salts for independent
 * streams from one user-visible seed: data, weights, batch order).
 */
export function createRng(seed: number, salt = 0): Rng {
  return new Mulberry32(hashSeed(seed, salt));
}
