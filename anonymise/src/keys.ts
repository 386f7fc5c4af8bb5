import { createHmac, hkdfSync } from "node:crypto";
import { readFileSync } from "node:fs";

/** Keys derived from the key file: one for FF1, one for the keyed hashes and shuffles. */
export interface AnonymisationKeys {
  /** AES-256 key of the FF1 cipher (personal codes, document numbers). */
  ff1: Buffer;
  /** HMAC-SHA256 key of every keyed choice (names, birth-date and address shuffles). */
  hmac: Buffer;
}

/** Fewest bytes of secret a key file must hold. */
export const MIN_KEY_BYTES = 32;

export class KeyFileError extends Error {}

/**
 * Reads the secret from a key file (its bytes, surrounding whitespace trimmed) and derives
 * the keys with HKDF-SHA256. Throws `KeyFileError` with a sentence when the file is missing,
 * unreadable or holds fewer than 32 bytes. Generate one with `openssl rand -hex 32 > key`.
 */
export function readKeyFile(file: string): AnonymisationKeys {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new KeyFileError(
      code === "ENOENT"
        ? `the key file ${file} does not exist; create one with: openssl rand -hex 32 > ${file}`
        : `the key file ${file} cannot be read (${code ?? String(error)})`,
    );
  }
  const secret = Buffer.from(content.toString("utf8").trim(), "utf8");
  if (secret.length < MIN_KEY_BYTES) {
    throw new KeyFileError(
      `the key file ${file} holds ${secret.length} bytes; it needs at least ${MIN_KEY_BYTES} (openssl rand -hex 32 > ${file})`,
    );
  }
  return deriveKeys(secret);
}

/** The keys for a secret; the same secret always gives the same keys. */
export function deriveKeys(secret: Uint8Array): AnonymisationKeys {
  const derive = (info: string) => Buffer.from(hkdfSync("sha256", secret, "rnp-anonymise-v1", info, 32));
  return { ff1: derive("ff1"), hmac: derive("hmac") };
}

/** A stream of keyed pseudo-random 32-bit numbers for one purpose (`label`). */
export function keyedNumbers(key: Buffer, label: string): () => number {
  let block = Buffer.alloc(0);
  let counter = 0;
  let offset = 0;
  return () => {
    if (offset + 4 > block.length) {
      block = createHmac("sha256", key).update(`${label}\u0000${counter++}`).digest();
      offset = 0;
    }
    const value = block.readUInt32BE(offset);
    offset += 4;
    return value;
  };
}

/** A keyed index in 0 … size − 1 for `label` (one HMAC). */
export function keyedIndex(key: Buffer, label: string, size: number): number {
  const digest = createHmac("sha256", key).update(label).digest();
  // 48 bits modulo a table size of a few hundred: the bias is far below 2⁻³⁰.
  return digest.readUIntBE(0, 6) % size;
}

/**
 * A keyed cyclic permutation of 0 … size − 1 (Sattolo's shuffle): one cycle through every
 * element, so no element maps to itself when size ≥ 2. `result[i]` is the image of i.
 */
export function keyedCycle(key: Buffer, label: string, size: number): Uint32Array {
  const items = new Uint32Array(size);
  for (let i = 0; i < size; i++) items[i] = i;
  const next = keyedNumbers(key, label);
  for (let i = size - 1; i > 0; i--) {
    const j = next() % i;
    const swap = items[i] as number;
    items[i] = items[j] as number;
    items[j] = swap;
  }
  return items;
}

/** Keyed numbers in [0, 1) for one purpose (`label`): 32-bit steps of `keyedNumbers`. */
export function keyedUnits(key: Buffer, label: string): () => number {
  const next = keyedNumbers(key, label);
  return () => next() / 4_294_967_296;
}

/**
 * Which member of each group of rows gives its kept values to which (`donor[i]`): a keyed
 * cyclic permutation of each group's rows, so within a group nobody keeps their own values
 * unless another member holds the same ones. `order[start[g] … start[g + 1])` are group g's rows.
 */
export function keyedDonors(key: Buffer, label: string, order: Uint32Array, start: Int32Array): Int32Array {
  const donor = new Int32Array(order.length);
  for (let g = 0; g + 1 < start.length; g++) {
    const from = start[g] as number;
    const size = (start[g + 1] as number) - from;
    const cycle = keyedCycle(key, `${label}\u0000${g}`, size);
    for (let i = 0; i < size; i++)
      donor[order[from + i] as number] = order[from + (cycle[i] as number)] as number;
  }
  return donor;
}
