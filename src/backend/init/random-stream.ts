/**
 * A seeded stream of random numbers in plain JS (xoshiro128**), so weights are the same on
 * every backend and every machine. Each weight gets its own stream, keyed by
 * (seed, layer name, weight name): adding or reordering layers leaves the others' weights alone.
 */
export class RandomStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  /** Box–Muller makes normals in pairs; the second one waits here. */
  private spareNormal: number | undefined;

  constructor(key: string) {
    [this.s0, this.s1, this.s2, this.s3] = hash128(key);
    // xoshiro's state must not be all zeros.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 0x9e3779b9;
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  nextDouble(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** A standard normal deviate (Box–Muller). */
  nextNormal(): number {
    if (this.spareNormal !== undefined) {
      const spare = this.spareNormal;
      this.spareNormal = undefined;
      return spare;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.nextDouble())); // 1 - u is in (0, 1]: no log(0)
    const angle = 2 * Math.PI * this.nextDouble();
    this.spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }
}

/** The stream for one weight of one layer under a seed. */
export function weightStream(seed: number, layer: string, weight: string): RandomStream {
  // JSON keeps the key unambiguous: weight names contain "/" ("forward_lstm/kernel").
  return new RandomStream(JSON.stringify([seed, layer, weight]));
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Four independent 32-bit lanes of a murmur-style hash, each finished with murmur3's fmix32. */
function hash128(key: string): [number, number, number, number] {
  const lanes: [number, number, number, number] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a];
  for (let lane = 0; lane < 4; lane++) {
    let h = lanes[lane]!;
    for (let i = 0; i < key.length; i++) {
      h = Math.imul(h ^ key.charCodeAt(i), 0x5bd1e995);
      h ^= h >>> 15;
    }
    lanes[lane] = fmix32(h ^ key.length);
  }
  return lanes;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
