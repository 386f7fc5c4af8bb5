import { type Cipher, createCipheriv } from "node:crypto";

/**
 * FF1 format-preserving encryption (NIST SP 800-38G, §5.1) on `node:crypto`'s AES.
 *
 * No npm package fits: `ff3` (mysto) implements FF3-1 only, whose minimum domain of 10⁶
 * rules out the three serial digits of an old-format personal code, and `node-fpe` is a
 * keyed substitution, not a NIST mode. FF1 is short enough to keep here, checked against
 * NIST's published samples (`ff1.test.ts`).
 *
 * Numerals are arrays of digits in `radix`, most significant first. The tweak is bytes.
 */
export class Ff1 {
  private readonly aes: Cipher;
  /** CIPH(P) by (n, t): the first CBC-MAC block is the same for every call of one shape. */
  private readonly pMacs = new Map<number, Buffer>();

  /** `key`: 16, 24 or 32 bytes (AES-128/192/256). Throws on any other length. */
  constructor(
    key: Uint8Array,
    private readonly radix: number,
  ) {
    if (![16, 24, 32].includes(key.length))
      throw new Error(`an FF1 key has 16, 24 or 32 bytes, not ${key.length}`);
    if (!Number.isInteger(radix) || radix < 2 || radix > 65_536)
      throw new Error(`FF1 radix ${radix} is not 2–65536`);
    // ECB of one block at a time is the raw block cipher CIPH_K; chaining is done below.
    this.aes = createCipheriv(`aes-${key.length * 8}-ecb`, key, null);
    this.aes.setAutoPadding(false);
  }

  encrypt(numerals: readonly number[], tweak: Uint8Array = new Uint8Array(0)): number[] {
    return this.run(numerals, tweak, true);
  }

  decrypt(numerals: readonly number[], tweak: Uint8Array = new Uint8Array(0)): number[] {
    return this.run(numerals, tweak, false);
  }

  private block(input: Uint8Array): Buffer {
    return this.aes.update(input);
  }

  private run(x: readonly number[], tweak: Uint8Array, encrypt: boolean): number[] {
    const n = x.length;
    if (n < 2) throw new Error("FF1 needs at least two numerals");
    for (const digit of x) {
      if (!Number.isInteger(digit) || digit < 0 || digit >= this.radix)
        throw new Error(`numeral ${digit} is outside radix ${this.radix}`);
    }
    const radix = BigInt(this.radix);
    const u = Math.floor(n / 2);
    const v = n - u;
    // b = ⌈⌈v·log₂(radix)⌉ / 8⌉: the bit length of radix^v − 1 is ⌈v·log₂(radix)⌉, exactly.
    const b = Math.ceil(bitLength(radix ** BigInt(v) - 1n) / 8);
    const d = 4 * Math.ceil(b / 4) + 4;
    const t = tweak.length;
    const pMac = this.pMacOf(n, u, t);
    const qLength = t + mod(-t - b - 1, 16) + 1 + b;
    const q = new Uint8Array(qLength);
    q.set(tweak, 0);
    const modU = radix ** BigInt(u);
    const modV = radix ** BigInt(v);
    let a = num(x.slice(0, u), radix);
    let bb = num(x.slice(u), radix);
    for (let round = 0; round < 10; round++) {
      const i = encrypt ? round : 9 - round;
      // Encryption feeds B to the round function, decryption A (the roles swap).
      const m = i % 2 === 0 ? u : v;
      const fed = encrypt ? bb : a;
      q[qLength - b - 1] = i;
      writeBigInt(q, qLength - b, b, fed);
      const y = this.roundValue(pMac, q, d);
      const modulus = m === u ? modU : modV;
      if (encrypt) {
        const c = (a + y) % modulus;
        a = bb;
        bb = c;
      } else {
        const c = (((bb - y) % modulus) + modulus) % modulus;
        bb = a;
        a = c;
      }
    }
    return [...str(a, u, radix), ...str(bb, v, radix)];
  }

  private pMacOf(n: number, u: number, t: number): Buffer {
    const shape = n * 65_536 + t;
    let pMac = this.pMacs.get(shape);
    if (!pMac) {
      const p = new Uint8Array(16);
      p.set([1, 2, 1, (this.radix >> 16) & 0xff, (this.radix >> 8) & 0xff, this.radix & 0xff, 10, u & 0xff]);
      writeUint32(p, 8, n);
      writeUint32(p, 12, t);
      pMac = this.block(p);
      this.pMacs.set(shape, pMac);
    }
    return pMac;
  }

  /** NUM(S) for the round: S is the first d bytes of R ‖ CIPH(R⊕[1]) ‖ CIPH(R⊕[2]) ‖ …. */
  private roundValue(pMac: Buffer, q: Uint8Array, d: number): bigint {
    // PRF(P ‖ Q): CBC-MAC, with CIPH(P) computed once per call.
    let r: Buffer = pMac;
    for (let offset = 0; offset < q.length; offset += 16) {
      const chained = Buffer.alloc(16);
      for (let k = 0; k < 16; k++) chained[k] = (r[k] ?? 0) ^ (q[offset + k] ?? 0);
      r = this.block(chained);
    }
    let s = Buffer.from(r);
    for (let j = 1; s.length < d; j++) {
      const counter = Buffer.alloc(16);
      writeUint32(counter, 12, j);
      for (let k = 0; k < 16; k++) counter[k] = (counter[k] ?? 0) ^ (r[k] ?? 0);
      s = Buffer.concat([s, this.block(counter)]);
    }
    let y = 0n;
    for (let k = 0; k < d; k++) y = (y << 8n) | BigInt(s[k] ?? 0);
    return y;
  }
}

function mod(value: number, modulus: number): number {
  return ((value % modulus) + modulus) % modulus;
}

function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

function writeUint32(target: Uint8Array, offset: number, value: number): void {
  target[offset] = (value >>> 24) & 0xff;
  target[offset + 1] = (value >>> 16) & 0xff;
  target[offset + 2] = (value >>> 8) & 0xff;
  target[offset + 3] = value & 0xff;
}

function writeBigInt(target: Uint8Array, offset: number, length: number, value: bigint): void {
  let rest = value;
  for (let k = length - 1; k >= 0; k--) {
    target[offset + k] = Number(rest & 0xffn);
    rest >>= 8n;
  }
}

function num(numerals: readonly number[], radix: bigint): bigint {
  let value = 0n;
  for (const digit of numerals) value = value * radix + BigInt(digit);
  return value;
}

function str(value: bigint, length: number, radix: bigint): number[] {
  const out = new Array<number>(length);
  let rest = value;
  for (let k = length - 1; k >= 0; k--) {
    out[k] = Number(rest % radix);
    rest /= radix;
  }
  return out;
}

/** Digits of a decimal string as numerals (radix 10). */
export function decimalNumerals(digits: string): number[] {
  return [...digits].map((c) => c.charCodeAt(0) - 48);
}
