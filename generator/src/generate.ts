import { AddressRegister } from "./addressRegister";
import { DocumentNumbers } from "./documents";
import { ClusterBuilder, type FamilyContext } from "./families";
import { PersonFactory } from "./people";
import { PersonCodeIssuer } from "./personCodes";
import { Random, WeightedPicker } from "./random";
import { emptyChunk, type RegisterChunk, TABLE_LOAD_ORDER } from "./rows";
import { MUNICIPALITIES } from "./territory";
import { appendClusterRows, type RowContext } from "./toRows";

export interface GenerateOptions {
  /** Persons in the register (exactly). */
  persons: number;
  /** Same seed and persons → the same register, byte for byte. Default 1. */
  seed?: number;
  /** Persons per chunk (whole families, so chunks run slightly over). Default 20 000. */
  chunkSize?: number;
}

export const DEFAULT_SEED = 1;
const DEFAULT_CHUNK_SIZE = 20_000;

type ClusterKind = "lineage" | "immigrants" | "single";

/**
 * How often each kind of cluster is started: its target share of persons divided by its
 * mean size (a kin cluster holds about 8 persons, an immigrant household 2.2).
 */
const CLUSTER_KINDS = new WeightedPicker<ClusterKind>([
  ["lineage", 0.89 / 7.9],
  ["immigrants", 0.03 / 2.2],
  ["single", 0.08 / 1],
]);

export function validateGenerateOptions(options: GenerateOptions): { persons: number; seed: number } {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(options.persons) || options.persons < 0) {
    throw new Error(`persons must be a whole number ≥ 0, got ${options.persons}`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`seed must be a whole number from 0 to 4294967295, got ${seed}`);
  }
  return { persons: options.persons, seed };
}

/** Towns where people born in Latvia (outside the generated families) were born, by population. */
function birthTownPicker(): WeightedPicker<string> {
  const entries: [string, number][] = [];
  for (const municipality of MUNICIPALITIES) {
    for (const settlement of municipality.settlements) {
      if (settlement.kind !== "VILLAGE") entries.push([settlement.name, settlement.weight]);
    }
  }
  return new WeightedPicker(entries);
}

/**
 * The synthetic register in chunks of whole kin clusters, so a million persons never sit in
 * memory at once. The same options always yield the same chunks; the chunk size only
 * decides where the stream is cut.
 */
export function* generateRegisterChunks(options: GenerateOptions): Generator<RegisterChunk> {
  const { persons, seed } = validateGenerateOptions(options);
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const random = new Random(seed);
  const addresses = new AddressRegister();
  const towns = birthTownPicker();
  const people = new PersonFactory(random, new PersonCodeIssuer(seed), () => towns.pick(random));
  const family: FamilyContext = { random, addresses, people };
  const rows: RowContext = {
    random,
    addresses,
    documentNumbers: new DocumentNumbers(seed),
    ids: { declaredAddresses: 1, identityDocuments: 1, nameHistory: 1, marriages: 1 },
  };

  let chunk = emptyChunk();
  chunk.addresses.push(...addresses.takePending());
  let remaining = persons;
  while (remaining > 0) {
    const builder = new ClusterBuilder(family, remaining);
    builder[CLUSTER_KINDS.pick(random)]();
    const cluster = builder.result();
    remaining -= cluster.persons.length;
    appendClusterRows(cluster, rows, chunk);
    chunk.addresses.push(...addresses.takePending());
    if (chunk.persons.length >= chunkSize) {
      yield chunk;
      chunk = emptyChunk();
    }
  }
  if (chunk.persons.length > 0 || chunk.addresses.length > 0) yield chunk;
}

/** The whole register in memory, for tests and small registers. */
export function generateRegister(options: GenerateOptions): RegisterChunk {
  const all = emptyChunk();
  for (const chunk of generateRegisterChunks(options)) {
    for (const table of TABLE_LOAD_ORDER) {
      // Spread would overflow the call stack for big chunks; push in a loop.
      const target = all[table] as unknown[];
      for (const row of chunk[table]) target.push(row);
    }
  }
  return all;
}
