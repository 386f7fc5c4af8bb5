import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ConfigError } from "@rnp/common";
import { describe, expect, it } from "vitest";
import {
  actKeyId,
  actSignatureProblem,
  canonicalActBytes,
  loadOrCreateActKeyFiles,
  parseActPrivateKey,
  parseActPublicKey,
  type SignedActFacts,
  signAct,
} from "./acceptanceSignature";
import { readCatalogConfig } from "./config";

const facts: SignedActFacts = {
  applicationNumber: "A-2026-0001",
  actNumber: "AA-2026-17",
  date: "2026-11-30",
  signatories: ["Anna Kalniņa", "Pēteris Ozols"],
  acceptedDataGroups: ["NAME", "BIRTH"],
  documentSha256: "ab".repeat(32),
  recordedBy: "operator (key 1)",
  recordedAt: new Date("2026-12-01T10:00:00.123Z"),
  registrationNumber: "40003521600",
  organisationName: "Lietotne SIA",
  tokenHash: "cd".repeat(32),
  legalBasis: "Law",
  purpose: "Due diligence",
  systemName: "Serviss",
  needsMonitoring: false,
  requestsPerMinute: 60,
  personsPerDay: 1000,
};

describe("the acceptance act's signature", () => {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");

  it("should verify what it signed, and not depend on the order the groups are listed in", () => {
    const { signature, keyId } = signAct(facts, privateKey);
    expect(keyId).toBe(actKeyId(publicKey));
    expect(actSignatureProblem(facts, signature, keyId, publicKey)).toBeNull();
    const reordered = { ...facts, acceptedDataGroups: ["BIRTH", "NAME"] };
    expect(actSignatureProblem(reordered, signature, keyId, publicKey)).toBeNull();
  });

  it("should refuse a change of any field signed", () => {
    const { signature, keyId } = signAct(facts, privateKey);
    const changes: Partial<SignedActFacts>[] = [
      { applicationNumber: "A-2026-0002" },
      { actNumber: "AA-2026-18" },
      { date: "2026-12-01" },
      { signatories: ["Pēteris Ozols", "Anna Kalniņa"] },
      { acceptedDataGroups: ["NAME", "BIRTH", "ADDRESS"] },
      { documentSha256: "ef".repeat(32) },
      { recordedBy: "operator (key 2)" },
      { recordedAt: new Date("2026-12-01T10:00:00.124Z") },
      { registrationNumber: "40003000001" },
      { organisationName: "Banka AS" },
      { tokenHash: "ee".repeat(32) },
      { legalBasis: "Contract" },
      { purpose: "Marketing" },
      { systemName: "Cits" },
      { needsMonitoring: true },
      { requestsPerMinute: 6000 },
      { personsPerDay: null },
    ];
    for (const change of changes) {
      expect(actSignatureProblem({ ...facts, ...change }, signature, keyId, publicKey)).toMatch(
        /does not match its signature/,
      );
    }
  });

  it("should name a missing signature and a signature by another key", () => {
    expect(actSignatureProblem(facts, null, null, publicKey)).toMatch(/carries no signature/);
    const other = generateKeyPairSync("ed25519");
    const { signature, keyId } = signAct(facts, other.privateKey);
    expect(actSignatureProblem(facts, signature, keyId, publicKey)).toMatch(/signed with key/);
  });

  it("should encode the fields in one fixed form", () => {
    expect(canonicalActBytes(facts).toString("utf8").split("\n")[0]).toBe("rnp-acceptance-act/1");
    expect(canonicalActBytes(facts)).toEqual(canonicalActBytes({ ...facts }));
  });
});

describe("acceptance act keys", () => {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const privatePem = String(privateKey.export({ type: "pkcs8", format: "pem" }));
  const publicPem = String(publicKey.export({ type: "spki", format: "pem" }));

  it("should read PEM, PEM with escaped newlines and base64 DER", () => {
    expect(actKeyId(parseActPublicKey(publicPem))).toBe(actKeyId(publicKey));
    expect(actKeyId(parseActPublicKey(publicPem.replace(/\n/g, "\\n")))).toBe(actKeyId(publicKey));
    const der = publicKey.export({ type: "spki", format: "der" }).toString("base64");
    expect(actKeyId(parseActPublicKey(der))).toBe(actKeyId(publicKey));
    expect(parseActPrivateKey(privatePem).asymmetricKeyType).toBe("ed25519");
  });

  it("should refuse the private key where the public key belongs, and keys of other kinds", () => {
    expect(() => parseActPublicKey(privatePem)).toThrow(/private key/);
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 });
    expect(() => parseActPublicKey(String(rsa.publicKey.export({ type: "spki", format: "pem" })))).toThrow(
      /not Ed25519/,
    );
    expect(() => parseActPrivateKey("not a key")).toThrow();
  });

  it("should stop the catalog's configuration with the variable named and the private key hidden", () => {
    const read = () =>
      readCatalogConfig({
        ACCEPTANCE_ACT_SIGNING_KEY: "secret-but-wrong",
        ACCEPTANCE_ACT_PUBLIC_KEY: privatePem,
      });
    expect(read).toThrow(ConfigError);
    try {
      read();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("ACCEPTANCE_ACT_SIGNING_KEY is set (hidden)");
      expect(message).toContain("ACCEPTANCE_ACT_PUBLIC_KEY");
      expect(message).not.toContain("secret-but-wrong");
    }
    expect(readCatalogConfig({ ACCEPTANCE_ACT_PUBLIC_KEY: publicPem }).actKeys.verifying).toBeDefined();
  });

  it("should make the development pair once, the private half readable by its owner only", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "rnp-act-"));
    try {
      const first = loadOrCreateActKeyFiles(folder);
      const again = loadOrCreateActKeyFiles(folder);
      expect(readFileSync(again.privateKeyFile, "utf8")).toBe(readFileSync(first.privateKeyFile, "utf8"));
      expect(statSync(first.privateKeyFile).mode & 0o077).toBe(0);
      const pair = parseActPrivateKey(readFileSync(first.privateKeyFile, "utf8"));
      const { signature, keyId } = signAct(facts, pair);
      const verifying = parseActPublicKey(readFileSync(first.publicKeyFile, "utf8"));
      expect(actSignatureProblem(facts, signature, keyId, verifying)).toBeNull();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
