import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { anchorLine, fileAnchorSink, loadOrCreateChainKey, readAnchorFile } from "./auditAnchors";
import { chainHash, type Disclosure, GENESIS_HASH } from "./auditTrail";

const key = "unit-test-audit-chain-key-0123456789abcdef";
const row: Disclosure = {
  at: "2026-12-01T10:00:00.000Z",
  requesterId: 3,
  keyId: 4,
  grantId: 5,
  grantNumber: "G-2026-0005",
  purpose: "Due diligence",
  personCode: "01015012345",
  dataGroups: ["BIRTH", "NAME"],
  operationName: "One",
  operationHash: "a".repeat(64),
  requestId: "4f7c2a0e-0000-4000-8000-000000000000",
  correlationId: "client-ref-1",
  clientAddress: "127.0.0.1",
};

const folders: string[] = [];
const scratch = () => {
  const folder = mkdtempSync(path.join(tmpdir(), "rnp-audit-unit-"));
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe("chainHash", () => {
  it("is an HMAC: the same row and key give the same hash, another key another", () => {
    const hash = chainHash(key, GENESIS_HASH, row);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(key, GENESIS_HASH, { ...row })).toBe(hash);
    expect(chainHash(`${key}x`, GENESIS_HASH, row)).not.toBe(hash);
  });

  it("changes with every field, the correlation id and the previous hash included", () => {
    const hash = chainHash(key, GENESIS_HASH, row);
    const edits: Partial<Disclosure>[] = [
      { at: "2026-12-01T10:00:00.001Z" },
      { requesterId: 9 },
      { keyId: 9 },
      { grantId: 9 },
      { grantNumber: "G-2026-0009" },
      { purpose: "Something else" },
      { personCode: "01015012346" },
      { dataGroups: ["NAME"] },
      { operationName: null },
      { operationHash: "b".repeat(64) },
      { requestId: "another" },
      { correlationId: null },
      { clientAddress: "10.0.0.1" },
    ];
    for (const edit of edits) expect(chainHash(key, GENESIS_HASH, { ...row, ...edit })).not.toBe(hash);
    expect(chainHash(key, "1".repeat(64), row)).not.toBe(hash);
  });

  it("does not let a field's content move into its neighbour (fields are JSON-encoded)", () => {
    const a = chainHash(key, GENESIS_HASH, { ...row, grantNumber: "G-1", purpose: "x,y" });
    const b = chainHash(key, GENESIS_HASH, { ...row, grantNumber: "G-1,x", purpose: "y" });
    expect(a).not.toBe(b);
  });
});

describe("anchor files", () => {
  it("read back the anchors written with the key", async () => {
    const file = path.join(scratch(), "anchors.jsonl");
    const anchors = [
      { seq: 3, hash: "c".repeat(64), at: "2026-12-01T10:00:01.000Z" },
      { seq: 9, hash: "d".repeat(64), at: "2026-12-01T10:00:02.000Z" },
    ];
    writeFileSync(file, anchors.map((anchor) => anchorLine(key, anchor)).join(""));
    expect(await readAnchorFile(file, key)).toEqual({ ok: true, anchors, torn: [] });
  });

  it("refuse an edited, forged or otherwise keyed line, naming it", async () => {
    const file = path.join(scratch(), "anchors.jsonl");
    const good = anchorLine(key, { seq: 3, hash: "c".repeat(64), at: "2026-12-01T10:00:01.000Z" });
    const edited = good.replace('"seq":3', '"seq":2');
    writeFileSync(file, good + edited);
    expect(await readAnchorFile(file, key)).toMatchObject({ ok: false, line: 2 });
    writeFileSync(file, anchorLine("another-key-of-32-characters-or-more!!", { seq: 3, hash: "c", at: "t" }));
    expect(await readAnchorFile(file, key)).toMatchObject({
      ok: false,
      line: 1,
      problem: expect.stringContaining("HMAC"),
    });
    writeFileSync(file, `${good}{"seq":3}\n`);
    expect(await readAnchorFile(file, key)).toMatchObject({
      ok: false,
      line: 2,
      problem: expect.stringContaining("lacks"),
    });
  });

  it("skip a line torn by a crash mid-write, and the next start begins a new line", async () => {
    const file = path.join(scratch(), "anchors.jsonl");
    const anchor = { seq: 3, hash: "c".repeat(64), at: "2026-12-01T10:00:01.000Z" };
    const line = anchorLine(key, anchor);
    writeFileSync(file, line + line.slice(0, 20));
    expect(await readAnchorFile(file, key)).toEqual({ ok: true, anchors: [anchor], torn: [2] });
    const next = { seq: 4, hash: "d".repeat(64), at: "2026-12-01T10:00:02.000Z" };
    await fileAnchorSink(file, key).record(next);
    expect(await readAnchorFile(file, key)).toEqual({ ok: true, anchors: [anchor, next], torn: [2] });
  });
});

describe("loadOrCreateChainKey", () => {
  it("generates a key once, readable only by its owner, and returns the same key after", () => {
    const file = path.join(scratch(), "nested", "audit-chain.key");
    const first = loadOrCreateChainKey(file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateChainKey(file)).toBe(first);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
  });

  it("refuses a key file holding a short key", () => {
    const file = path.join(scratch(), "audit-chain.key");
    writeFileSync(file, "short\n");
    expect(() => loadOrCreateChainKey(file)).toThrow(/at least 32/);
  });
});
