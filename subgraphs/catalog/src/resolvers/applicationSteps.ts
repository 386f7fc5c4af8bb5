import { createHash, randomBytes } from "node:crypto";
import { badUserInput, hashApiKey } from "@rnp/common";
import { graphQLError } from "@rnp/policy/errors";
import type { MutationResolvers } from "../__generated__/resolvers-types";
import { actFactsOf, signAct } from "../acceptanceSignature";
import type { CatalogContext } from "../context";
import { insertApiKey } from "../repositories/accessRepository";
import {
  type ApplicationRow,
  endSecretsAt,
  findApplicationById,
  findGrantNumber,
  findOauthClient,
  insertAcceptanceAct,
  insertClientSecret,
  insertOauthClient,
  recordEvent,
  transition,
} from "../repositories/applicationRepository";
import {
  APPLICANT,
  applicationOfToken,
  operatorActor,
  outOfOrder,
  outside,
  requireApproved,
  requirePlatform,
} from "./applicationSupport";
import { applicationByNumber } from "./applications";

/** Largest acceptance act document kept (the gateway accepts bodies of 5 MB, base64 included). */
const MAX_DOCUMENT_BYTES = 3 * 1024 * 1024;
const MAX_OVERLAP_SECONDS = 7 * 86_400;

const newSecret = (prefix: string) => `${prefix}${randomBytes(32).toString("base64url")}`;

/** Credentials may be claimed on the test platform once approved, on production once granted. */
function requireCredentialsOpen(context: CatalogContext, row: ApplicationRow) {
  requireApproved(row, "credentials are issued");
  if (context.environment === "PRODUCTION" && row.status !== "IN_PRODUCTION") {
    throw outOfOrder(
      "PRODUCTION_GRANT_REQUIRED",
      `Application ${row.number} has no PRODUCTION grant yet: production credentials are issued once the operator has issued it (\`issueProductionGrant\`).`,
    );
  }
}

function decodeDocument(document: { base64: string; sha256: string; mediaType: string }) {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(document.base64) || document.base64.length % 4 !== 0)
    throw badUserInput("`document.base64` is not base64: send the file's bytes in standard base64.");
  const bytes = Buffer.from(document.base64, "base64");
  if (bytes.length > MAX_DOCUMENT_BYTES)
    throw badUserInput(`The document has ${bytes.length} bytes; the most kept is ${MAX_DOCUMENT_BYTES}.`);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (sha256 !== document.sha256.toLowerCase())
    throw badUserInput(
      "`document.sha256` does not match the document's bytes: the file changed or was cut on the way; send it again.",
    );
  if (!/^[\w.+-]+\/[\w.+-]+$/.test(document.mediaType))
    throw badUserInput("`document.mediaType` is not a media type such as `application/pdf`.");
  return { bytes, sha256 };
}

export const applicationStepMutations: MutationResolvers = {
  claimApplicationCredentials: async (_parent, { applicationToken }, context) => {
    const row = await applicationOfToken(context, applicationToken);
    requireCredentialsOpen(context, row);
    const { environment } = context;
    const alreadyIssued = () =>
      outOfOrder(
        "CREDENTIALS_ALREADY_ISSUED",
        `The ${environment.toLowerCase()} credentials of application ${row.number} were already issued: rotate the client secret (\`rotateClientSecret\`) or ask the operator to revoke and reissue.`,
      );
    if (await findOauthClient(context.db, row.id, environment)) throw alreadyIssued();
    const apiKey = newSecret("rnp_");
    const clientId = `rnp_client_${randomBytes(12).toString("hex")}`;
    const clientSecret = newSecret("rnp_secret_");
    const suffix = `application ${row.number} (${environment.toLowerCase()})`;
    const issued = context.db.transaction(async (tx) => {
      const db = tx as unknown as typeof context.db;
      await insertApiKey(db, {
        requesterId: row.requesterId!,
        role: "REQUESTER",
        label: `API key, ${suffix}`,
        prefix: apiKey.slice(0, 10),
        keyHash: hashApiKey(apiKey),
        // Bound to the application: it names only the application's grants.
        applicationId: row.id,
      });
      // The client's tokens act as this key (audit, revocation); no one holds the key itself.
      const clientKey = await insertApiKey(db, {
        requesterId: row.requesterId!,
        role: "REQUESTER",
        label: `OAuth client ${clientId}, ${suffix}`,
        prefix: clientId.slice(0, 10),
        keyHash: hashApiKey(randomBytes(32).toString("hex")),
        applicationId: row.id,
      });
      const client = await insertOauthClient(db, {
        clientId,
        applicationId: row.id,
        environment,
        keyId: clientKey.id,
      });
      await insertClientSecret(db, client.id, hashApiKey(clientSecret));
      await recordEvent(db, row.id, { action: "CREDENTIALS_ISSUED", actor: APPLICANT, environment });
    });
    await issued.catch((error: unknown) => {
      // A concurrent claim took the one client of this application and environment.
      const failure = error as { code?: string; cause?: { code?: string } };
      if (failure.code === "23505" || failure.cause?.code === "23505") throw alreadyIssued();
      throw error;
    });
    const grantNumber = row.grantId === null ? undefined : await findGrantNumber(context.db, row.grantId);
    return { environment, grantNumber: grantNumber ?? "", apiKey, clientId, clientSecret };
  },
  rotateClientSecret: async (_parent, { applicationToken, overlapSeconds }, context) => {
    const row = await applicationOfToken(context, applicationToken);
    const overlap = overlapSeconds ?? 86_400;
    if (overlap < 0 || overlap > MAX_OVERLAP_SECONDS)
      throw badUserInput(`\`overlapSeconds\` is ${overlap}; give 0 to ${MAX_OVERLAP_SECONDS}.`);
    const client = await findOauthClient(context.db, row.id, context.environment);
    if (!client) {
      throw graphQLError(
        "NOT_FOUND",
        `Application ${row.number} has no OAuth client in the ${context.environment.toLowerCase()} environment: claim its credentials first.`,
      );
    }
    const clientSecret = newSecret("rnp_secret_");
    const previousSecretValidUntil = new Date(Date.now() + overlap * 1000);
    await context.db.transaction(async (tx) => {
      const db = tx as unknown as typeof context.db;
      await endSecretsAt(db, client.id, previousSecretValidUntil);
      await insertClientSecret(db, client.id, hashApiKey(clientSecret));
      await recordEvent(db, row.id, {
        action: "SECRET_ROTATED",
        actor: APPLICANT,
        note: `previous secret valid until ${previousSecretValidUntil.toISOString()}`,
        environment: context.environment,
      });
    });
    return {
      clientId: client.clientId,
      clientSecret,
      previousSecretValidUntil: previousSecretValidUntil.toISOString(),
    };
  },
  reportAcceptanceTests: async (_parent, { applicationToken, note }, context) => {
    const row = await applicationOfToken(context, applicationToken);
    requireApproved(row, "acceptance tests are reported");
    if (row.status !== "APPROVED") {
      throw outOfOrder(
        "APPLICATION_ALREADY_DECIDED",
        `The acceptance tests of application ${row.number} were already reported (it is ${row.status.toLowerCase().replace("_", " ")}).`,
      );
    }
    requirePlatform(context, "TEST", "Reporting acceptance tests");
    const reported = await transition(
      context.db,
      row.id,
      ["APPROVED"],
      {
        action: "ACCEPTANCE_REPORTED",
        actor: APPLICANT,
        note: note?.trim().slice(0, 2000) || null,
        environment: context.environment,
      },
      () => ({ status: "ACCEPTANCE_REPORTED" }),
    );
    if (!reported)
      throw outOfOrder("APPLICATION_ALREADY_DECIDED", `Application ${row.number} changed meanwhile.`);
    return reported;
  },
  recordAcceptanceAct: async (_parent, { number, input }, context) => {
    const row = await applicationByNumber(context, number);
    requireApproved(row, "an acceptance act is recorded");
    if (row.status === "APPROVED") {
      throw outOfOrder(
        "ACCEPTANCE_NOT_REPORTED",
        `The applicant has not reported the acceptance tests of application ${row.number} done: the act is recorded after that report.`,
      );
    }
    if (row.status !== "ACCEPTANCE_REPORTED")
      throw outOfOrder(
        "APPLICATION_ALREADY_DECIDED",
        `Application ${row.number} already has its acceptance act.`,
      );
    requirePlatform(context, "TEST", "Recording the acceptance act");
    const approved = row.approvedDataGroups ?? [];
    const accepted = [...new Set(input.acceptedDataGroups ?? approved)];
    const extra = outside(accepted, approved);
    if (accepted.length === 0)
      throw badUserInput("`acceptedDataGroups` is empty: accept at least one group.");
    if (extra.length > 0) {
      throw outOfOrder(
        "GROUPS_NOT_ACCEPTED",
        `${extra.join(", ")} were not approved for testing, so they cannot have been accepted; list only ${approved.join(", ")}.`,
      );
    }
    const signatories = input.signatories.map((name) => name.trim()).filter(Boolean);
    if (signatories.length === 0) throw badUserInput("`signatories` is empty: name who signed the act.");
    if (!input.number.trim()) throw badUserInput("`number` is empty: give the act's number.");
    const { bytes, sha256 } = decodeDocument(input.document);
    const signingKey = context.actKeys.signing;
    if (!signingKey) {
      throw outOfOrder(
        "ACCEPTANCE_ACT_KEY_MISSING",
        "This test platform has no key to sign acceptance acts with (ACCEPTANCE_ACT_SIGNING_KEY), and an unsigned act would not open production: the platform's administrator sets it (docs/ENVIRONMENTS.md).",
      );
    }
    const actor = operatorActor(context);
    // Signed as stored, to the millisecond: the signature covers when and by whom as well.
    const recordedAt = new Date();
    const recorded = await transition(
      context.db,
      row.id,
      ["ACCEPTANCE_REPORTED"],
      {
        action: "ACCEPTANCE_RECORDED",
        actor,
        note: `act ${input.number.trim()}`,
        environment: context.environment,
      },
      async (tx) => {
        // The application as locked here is what the signature vouches for.
        const current = (await findApplicationById(tx, row.id))!;
        const act = {
          number: input.number.trim(),
          date: input.date,
          signatories,
          acceptedDataGroups: accepted,
          documentSha256: sha256,
          recordedBy: actor,
          recordedAt,
        };
        const { signature, keyId } = signAct(actFactsOf(current, act), signingKey);
        await insertAcceptanceAct(tx, {
          ...act,
          applicationId: row.id,
          document: bytes,
          documentMediaType: input.document.mediaType,
          signature,
          signatureKeyId: keyId,
        });
        return { status: "ACCEPTED" };
      },
    );
    if (!recorded)
      throw outOfOrder("APPLICATION_ALREADY_DECIDED", `Application ${row.number} changed meanwhile.`);
    return recorded;
  },
};
