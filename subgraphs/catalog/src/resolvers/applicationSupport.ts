import { badUserInput, echo, hashApiKey, registrationNumberProblem } from "@rnp/common";
import { graphQLError, type OnboardingStepCode } from "@rnp/policy/errors";
import DataLoader from "dataloader";
import type { ApplicationInput } from "../__generated__/resolvers-types";
import type { CatalogContext } from "../context";
import {
  type AcceptanceActRow,
  type ApplicationEventRow,
  type ApplicationRow,
  findActsByApplications,
  findApplicationByTokenHash,
  findApplicationNumbers,
  findEventsByApplications,
} from "../repositories/applicationRepository";

/** A step taken out of order: its own code (HTTP 409 at the gateway) and what to do instead. */
export const outOfOrder = (code: OnboardingStepCode, message: string) => graphQLError(code, message);

/** Who takes a step, as the history shows it. */
export const operatorActor = (context: CatalogContext) => `operator (key ${context.identity.keyId})`;
export const APPLICANT = "applicant";

/** The application the token belongs to; UNAUTHENTICATED when none on this platform. */
export async function applicationOfToken(context: CatalogContext, token: string): Promise<ApplicationRow> {
  const row = /^rnp_app_[\w-]{20,64}$/.test(token)
    ? await findApplicationByTokenHash(context.db, hashApiKey(token))
    : undefined;
  if (!row) {
    throw graphQLError(
      "UNAUTHENTICATED",
      context.environment === "PRODUCTION"
        ? "The application token is not known on the production platform: an application reaches it only once accepted and promoted (`pnpm onboarding:promote`)."
        : "The application token is not known: send the token returned by `submitApplication`, whole.",
    );
  }
  return row;
}

/** Refuses a step that belongs to the other platform. */
export function requirePlatform(context: CatalogContext, environment: "TEST" | "PRODUCTION", step: string) {
  if (context.environment !== environment) {
    throw outOfOrder(
      "WRONG_PLATFORM",
      `${step} happens on the ${environment.toLowerCase()} platform; this is the ${context.environment.toLowerCase()} platform (docs/ENVIRONMENTS.md).`,
    );
  }
}

const NOT_YET_APPROVED = new Set(["SUBMITTED", "CHANGES_REQUESTED", "REJECTED"]);
export const isApproved = (row: ApplicationRow) => !NOT_YET_APPROVED.has(row.status);

export function requireApproved(row: ApplicationRow, step: string) {
  if (!isApproved(row)) {
    throw outOfOrder(
      "APPLICATION_NOT_APPROVED",
      `Application ${row.number} is ${row.status.toLowerCase().replace("_", " ")}, not approved: ${step} only after the operator's approval.`,
    );
  }
}

/** Groups in `wanted` missing from `allowed`. */
export const outside = (wanted: readonly string[], allowed: readonly string[]) =>
  wanted.filter((group) => !allowed.includes(group));

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The application's fields trimmed, or BAD_USER_INPUT naming the first wrong one. */
export function checkApplication(input: ApplicationInput) {
  const problem = registrationNumberProblem(input.registrationNumber);
  if (problem)
    throw badUserInput(`registrationNumber "${echo(input.registrationNumber)}" is invalid: ${problem}.`);
  const text = {
    organisationName: input.organisationName.trim(),
    contactName: input.contactName.trim(),
    contactEmail: input.contactEmail.trim(),
    systemName: input.systemName.trim(),
    systemDescription: input.systemDescription.trim(),
    legalBasis: input.legalBasis.trim(),
    purpose: input.purpose.trim(),
  };
  for (const [field, value] of Object.entries(text)) {
    if (!value) throw badUserInput(`\`${field}\` is empty: fill it in.`);
    if (value.length > 2000) throw badUserInput(`\`${field}\` is longer than 2000 characters: shorten it.`);
  }
  if (!EMAIL.test(text.contactEmail))
    throw badUserInput(`contactEmail "${echo(text.contactEmail)}" is not an e-mail address.`);
  if (input.dataGroups.length === 0) throw badUserInput("`dataGroups` is empty: request at least one.");
  return {
    ...text,
    registrationNumber: input.registrationNumber,
    dataGroups: [...new Set(input.dataGroups)],
    needsMonitoring: input.needsMonitoring ?? false,
  };
}

function byApplication<R extends { applicationId: number }>(ids: readonly number[], rows: R[]) {
  return ids.map((id) => rows.filter((row) => row.applicationId === id));
}

interface ApplicationLoaders {
  history: DataLoader<number, ApplicationEventRow[]>;
  act: DataLoader<number, AcceptanceActRow | null>;
  /** An application's number by id (for grants and keys an application was issued). */
  number: DataLoader<number, string | null>;
}

// Per request, like the catalog's own loaders: a page of applications costs one statement each.
const perRequest = new WeakMap<CatalogContext, ApplicationLoaders>();

export function applicationLoaders(context: CatalogContext): ApplicationLoaders {
  let loaders = perRequest.get(context);
  if (!loaders) {
    loaders = {
      history: new DataLoader(async (ids) =>
        byApplication(ids, await findEventsByApplications(context.db, ids)),
      ),
      act: new DataLoader(async (ids) =>
        byApplication(ids, await findActsByApplications(context.db, ids)).map((rows) => rows[0] ?? null),
      ),
      number: new DataLoader(async (ids) => {
        const rows = await findApplicationNumbers(context.db, ids);
        return ids.map((id) => rows.find((row) => row.id === id)?.number ?? null);
      }),
    };
    perRequest.set(context, loaders);
  }
  return loaders;
}

/** The cursors of application lists (`applications`, `applicationsToConfirm`). */
export const applicationCursorOf = (id: number) => Buffer.from(`application:${id}`).toString("base64url");
export function applicationCursorId(cursor: string): number {
  const match = /^application:(\d{1,10})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match || Number(match[1]) > 2_147_483_647)
    throw badUserInput(
      "`after` is not a cursor of this list: pass the `endCursor` of the previous page unchanged.",
    );
  return Number(match[1]);
}
