import { describe, expect, it } from "vitest";
import { Ff1 } from "./ff1";

/** NIST's FF1 samples (SP 800-38G examples, FF1samples.pdf), all nine. */
const KEY_128 = "2B7E151628AED2A6ABF7158809CF4F3C";
const KEY_192 = `${KEY_128}EF4359D8D580AA4F`;
const KEY_256 = `${KEY_192}7F036D6F04FC6A94`;
const TWEAK_10 = "39383736353433323130";
const TWEAK_36 = "3737373770717273373737";
const DIGITS = "0123456789";
const BASE36 = "0123456789abcdefghi";

const SAMPLES = [
  { sample: 1, key: KEY_128, radix: 10, tweak: "", plain: DIGITS, cipher: "2433477484" },
  { sample: 2, key: KEY_128, radix: 10, tweak: TWEAK_10, plain: DIGITS, cipher: "6124200773" },
  { sample: 3, key: KEY_128, radix: 36, tweak: TWEAK_36, plain: BASE36, cipher: "a9tv40mll9kdu509eum" },
  { sample: 4, key: KEY_192, radix: 10, tweak: "", plain: DIGITS, cipher: "2830668132" },
  { sample: 5, key: KEY_192, radix: 10, tweak: TWEAK_10, plain: DIGITS, cipher: "2496655549" },
  { sample: 6, key: KEY_192, radix: 36, tweak: TWEAK_36, plain: BASE36, cipher: "xbj3kv35jrawxv32ysr" },
  { sample: 7, key: KEY_256, radix: 10, tweak: "", plain: DIGITS, cipher: "6657667009" },
  { sample: 8, key: KEY_256, radix: 10, tweak: TWEAK_10, plain: DIGITS, cipher: "1001623463" },
  { sample: 9, key: KEY_256, radix: 36, tweak: TWEAK_36, plain: BASE36, cipher: "xs8a0azh2avyalyzuwd" },
];

const toNumerals = (text: string) => [...text].map((c) => Number.parseInt(c, 36));
const fromNumerals = (numerals: number[]) => numerals.map((n) => n.toString(36)).join("");

describe("FF1 (NIST SP 800-38G)", () => {
  for (const { sample, key, radix, tweak, plain, cipher } of SAMPLES) {
    it(`matches NIST sample ${sample} both ways`, () => {
      const ff1 = new Ff1(Buffer.from(key, "hex"), radix);
      const t = Buffer.from(tweak, "hex");
      expect(fromNumerals(ff1.encrypt(toNumerals(plain), t))).toBe(cipher);
      expect(fromNumerals(ff1.decrypt(toNumerals(cipher), t))).toBe(plain);
    });
  }

  it("is a permutation of a small domain (every 3-digit value exactly once)", () => {
    const ff1 = new Ff1(Buffer.alloc(32, 7), 10);
    const images = new Set<string>();
    for (let k = 0; k < 1000; k++) {
      const digits = [...String(k).padStart(3, "0")].map(Number);
      images.add(ff1.encrypt(digits, Buffer.from("t")).join(""));
    }
    expect(images.size).toBe(1000);
  });

  it("refuses a key of the wrong length and numerals outside the radix", () => {
    expect(() => new Ff1(Buffer.alloc(20), 10)).toThrow(/16, 24 or 32 bytes/);
    expect(() => new Ff1(Buffer.alloc(16), 10).encrypt([1, 10])).toThrow(/outside radix 10/);
  });
});
