import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The acceptance act's signature (docs/ENVIRONMENTS.md, "The acceptance act's signature").
 *
 * The test platform signs an act when the operator records it, with an Ed25519 private key it
 * reads from its configuration and the database never holds. Promotion and the production
 * platform verify with the public key only: whoever can write the test database, even the
 * test platform's operator at the SQL prompt, cannot make an act (its groups, its document,
 * the application it opens) that production accepts. An HMAC would need the production side
 * to hold the very key that signs, so anyone who can verify could also forge.
 */

/** What the signature covers: the act and the facts of the application production is opened from. */
export interface SignedActFacts {
  applicationNumber: string;
  actNumber: string;
  /** YYYY-MM-DD. */
  date: string;
  signatories: readonly string[];
  acceptedDataGroups: readonly string[];
  documentSha256: string;
  recordedBy: string;
  recordedAt: Date;
  // Promotion copies these and the PRODUCTION grant is issued from them: an edit of any of them
  // in the test database (a bigger tier, another legal basis, another applicant's token or
  // registration number) must break the signature as an edit of the act does.
  registrationNumber: string;
  organisationName: string;
  tokenHash: string;
  legalBasis: string;
  purpose: string;
  systemName: string;
  needsMonitoring: boolean;
  requestsPerMinute: number | null;
  personsPerDay: number | null;
}

/** The signing key (test platform) and the verifying key (production platform, promotion). */
export interface ActKeys {
  signing?: KeyObject;
  verifying?: KeyObject;
}

const DOMAIN = "rnp-acceptance-act/1";

/**
 * The bytes signed: a domain label, then a JSON array in a fixed order (arrays of strings and
 * numbers only, so JSON.stringify is deterministic); groups sorted, signatories as written.
 */
export function canonicalActBytes(facts: SignedActFacts): Buffer {
  const fields = [
    facts.applicationNumber,
    facts.actNumber,
    facts.date,
    [...facts.signatories],
    [...facts.acceptedDataGroups].sort(),
    facts.documentSha256.toLowerCase(),
    facts.recordedBy,
    facts.recordedAt.toISOString(),
    facts.registrationNumber,
    facts.organisationName,
    facts.tokenHash,
    facts.legalBasis,
    facts.purpose,
    facts.systemName,
    facts.needsMonitoring,
    facts.requestsPerMinute,
    facts.personsPerDay,
  ];
  return Buffer.from(`${DOMAIN}\n${JSON.stringify(fields)}`, "utf8");
}

/** Names a key in messages and rows: the first 16 hex digits of the SHA-256 of its SPKI DER. */
export function actKeyId(publicKey: KeyObject): string {
  const der = publicKey.export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("hex").slice(0, 16);
}

export function signAct(facts: SignedActFacts, privateKey: KeyObject): { signature: string; keyId: string } {
  const signature = sign(null, canonicalActBytes(facts), privateKey).toString("base64url");
  return { signature, keyId: actKeyId(createPublicKey(privateKey)) };
}

/** Null when the signature holds; otherwise a sentence saying why it does not. */
export function actSignatureProblem(
  facts: SignedActFacts,
  signature: string | null,
  keyId: string | null,
  publicKey: KeyObject,
): string | null {
  if (!signature) {
    return `acceptance act ${facts.actNumber} of application ${facts.applicationNumber} carries no signature (recorded before acts were signed): record the act again on the test platform`;
  }
  const expectedKeyId = actKeyId(publicKey);
  if (keyId !== expectedKeyId) {
    return `acceptance act ${facts.actNumber} of application ${facts.applicationNumber} was signed with key ${keyId ?? "(none)"}, not with key ${expectedKeyId} this side verifies with: give ACCEPTANCE_ACT_PUBLIC_KEY the test platform's public key`;
  }
  const valid = verify(null, canonicalActBytes(facts), publicKey, Buffer.from(signature, "base64url"));
  return valid
    ? null
    : `acceptance act ${facts.actNumber} of application ${facts.applicationNumber} does not match its signature: the act or the application was changed in the test database after the act was recorded`;
}

/** Key text as PEM (real or `\n`-escaped newlines) or as base64 of the DER. */
function keyMaterial(text: string): { key: string | Buffer; format: "pem" | "der" } {
  const trimmed = text.trim();
  if (trimmed.startsWith("-----BEGIN")) return { key: trimmed.replace(/\\n/g, "\n"), format: "pem" };
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) throw new Error("neither PEM nor base64");
  // Node's base64 decoder takes the URL-safe alphabet too.
  return { key: Buffer.from(trimmed, "base64"), format: "der" };
}

function requireEd25519(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`a ${key.asymmetricKeyType} key, not Ed25519`);
  return key;
}

/** An Ed25519 private key from PKCS#8 PEM or base64 DER; throws on anything else. */
export function parseActPrivateKey(text: string): KeyObject {
  const { key, format } = keyMaterial(text);
  return requireEd25519(
    format === "pem" ? createPrivateKey(key) : createPrivateKey({ key, format: "der", type: "pkcs8" }),
  );
}

/** An Ed25519 public key from SPKI PEM or base64 DER; throws on anything else (a private key too). */
export function parseActPublicKey(text: string): KeyObject {
  const { key, format } = keyMaterial(text);
  // createPublicKey would derive the public key from a private one: the production side must
  // never be given the key that signs, so that is refused rather than taken.
  if (format === "pem" && String(key).includes("PRIVATE"))
    throw new Error("a private key where the public key belongs");
  return requireEd25519(
    format === "pem" ? createPublicKey(key) : createPublicKey({ key, format: "der", type: "spki" }),
  );
}

/** File names of the development key pair `pnpm start` keeps beside the embedded database. */
export const ACT_KEY_FILES = {
  private: "acceptance-act-signing.key",
  public: "acceptance-act-signing.pub",
} as const;

/**
 * The development key pair in `folder`, made once (private key mode 0600) when absent. For
 * `pnpm start` with the embedded database only: a real test platform reads its private key, and
 * the production platform its public key, from their configuration.
 */
export function loadOrCreateActKeyFiles(folder: string): { privateKeyFile: string; publicKeyFile: string } {
  const privateKeyFile = path.join(folder, ACT_KEY_FILES.private);
  const publicKeyFile = path.join(folder, ACT_KEY_FILES.public);
  if (!existsSync(privateKeyFile)) {
    mkdirSync(folder, { recursive: true });
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    try {
      // `wx`: of two starts at once, one writes the pair and the other reads it.
      writeFileSync(privateKeyFile, privateKey.export({ type: "pkcs8", format: "pem" }), {
        mode: 0o600,
        flag: "wx",
      });
      chmodSync(privateKeyFile, 0o600);
      writeFileSync(publicKeyFile, publicKey.export({ type: "spki", format: "pem" }));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  if (!existsSync(publicKeyFile)) {
    const publicKey = createPublicKey(parseActPrivateKey(readFileSync(privateKeyFile, "utf8")));
    writeFileSync(publicKeyFile, publicKey.export({ type: "spki", format: "pem" }));
  }
  return { privateKeyFile, publicKeyFile };
}

/** The signed facts of an application row and its act row (the shapes of the onboarding tables). */
export function actFactsOf(
  application: Omit<SignedActFacts, keyof ActPart | "applicationNumber" | "actNumber"> & { number: string },
  act: ActPart & { number: string },
): SignedActFacts {
  return {
    applicationNumber: application.number,
    actNumber: act.number,
    date: act.date,
    signatories: act.signatories,
    acceptedDataGroups: act.acceptedDataGroups,
    documentSha256: act.documentSha256,
    recordedBy: act.recordedBy,
    recordedAt: act.recordedAt,
    registrationNumber: application.registrationNumber,
    organisationName: application.organisationName,
    tokenHash: application.tokenHash,
    legalBasis: application.legalBasis,
    purpose: application.purpose,
    systemName: application.systemName,
    needsMonitoring: application.needsMonitoring,
    requestsPerMinute: application.requestsPerMinute,
    personsPerDay: application.personsPerDay,
  };
}

type ActPart = Pick<
  SignedActFacts,
  "date" | "signatories" | "acceptedDataGroups" | "documentSha256" | "recordedBy" | "recordedAt"
>;

/**
 * Null when the act kept is the one signed: the signature holds over the act and the
 * application, and the document's bytes still hash to the SHA-256 signed. Otherwise the sentence.
 */
export function keptActProblem(
  application: Parameters<typeof actFactsOf>[0],
  act: Parameters<typeof actFactsOf>[1] & {
    documentDigest: string;
    signature: string | null;
    signatureKeyId: string | null;
  },
  publicKey: KeyObject,
): string | null {
  if (act.documentDigest !== act.documentSha256.toLowerCase()) {
    return `the document kept with acceptance act ${act.number} of application ${application.number} no longer hashes to the SHA-256 recorded with it: it was replaced in the database`;
  }
  return actSignatureProblem(actFactsOf(application, act), act.signature, act.signatureKeyId, publicKey);
}
