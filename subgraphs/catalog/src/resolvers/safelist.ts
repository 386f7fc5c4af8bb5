import { badUserInput, type PlatformEnvironment } from "@rnp/common";
import type { Resolvers, SafelistWaiverInput } from "../__generated__/resolvers-types";
import type { CatalogContext } from "../context";
import type { GrantRow } from "../repositories/accessRepository";
import { applicationLoaders } from "./applicationSupport";

/**
 * Every PRODUCTION grant runs only approved composite data sets, unless an operator waives
 * that, explicitly and with a reason, recorded with its key and the time (shown in
 * `Grant.safelistWaiver`). The grants table holds the same rule as a check, so no code path
 * can write a PRODUCTION grant that is neither safelisted nor waived.
 */

export interface SafelistColumns {
  approvedSetsOnly: boolean;
  safelistWaiverReason: string | null;
  safelistWaivedAt: Date | null;
  safelistWaivedByKeyId: number | null;
}

const SAFELISTED = { safelistWaiverReason: null, safelistWaivedAt: null, safelistWaivedByKeyId: null };

function waived(
  context: CatalogContext,
  environment: PlatformEnvironment,
  approvedSetsOnly: boolean | null | undefined,
  waiver: SafelistWaiverInput,
): SafelistColumns {
  if (environment !== "PRODUCTION")
    throw badUserInput(
      "`safelistWaiver` is for PRODUCTION grants: a TEST grant runs documents sent in full unless `approvedSetsOnly: true`.",
    );
  if (approvedSetsOnly === true)
    throw badUserInput(
      "`approvedSetsOnly: true` and `safelistWaiver` contradict each other: give one of them.",
    );
  const reason = waiver.reason.trim();
  if (!reason)
    throw badUserInput("`safelistWaiver.reason` is empty: say why the grant needs ad-hoc documents.");
  if (reason.length > 2000) throw badUserInput("`safelistWaiver.reason` is longer than 2000 characters.");
  return {
    approvedSetsOnly: false,
    safelistWaiverReason: reason,
    safelistWaivedAt: new Date(),
    safelistWaivedByKeyId: context.identity.keyId,
  };
}

const waiverRequired = () =>
  badUserInput(
    'A PRODUCTION grant runs only approved composite data sets unless an operator waives that: send `safelistWaiver: { reason: "…" }` (recorded with your key and the time) instead of `approvedSetsOnly: false`.',
  );

/** The safelist columns of a new grant. */
export function safelistOfNewGrant(
  context: CatalogContext,
  environment: PlatformEnvironment,
  approvedSetsOnly: boolean | null | undefined,
  waiver: SafelistWaiverInput | null | undefined,
): SafelistColumns {
  if (waiver) return waived(context, environment, approvedSetsOnly, waiver);
  if (environment === "PRODUCTION") {
    if (approvedSetsOnly === false) throw waiverRequired();
    return { approvedSetsOnly: true, ...SAFELISTED };
  }
  return { approvedSetsOnly: approvedSetsOnly ?? false, ...SAFELISTED };
}

/**
 * The safelist columns after an update, or none when they stay: a grant moved to PRODUCTION
 * is safelisted unless waived; `approvedSetsOnly: true` ends a waiver; a TEST grant keeps none.
 */
export function safelistOfUpdate(
  context: CatalogContext,
  existing: GrantRow,
  environment: PlatformEnvironment | null | undefined,
  approvedSetsOnly: boolean | null | undefined,
  waiver: SafelistWaiverInput | null | undefined,
): Partial<SafelistColumns> {
  const target = environment ?? existing.environment;
  if (waiver) return waived(context, target, approvedSetsOnly, waiver);
  if (target === "PRODUCTION") {
    const waiverInForce = existing.environment === "PRODUCTION" && !existing.approvedSetsOnly;
    if (approvedSetsOnly === false) {
      if (waiverInForce) return {};
      throw waiverRequired();
    }
    if (approvedSetsOnly === true) return { approvedSetsOnly: true, ...SAFELISTED };
    return existing.environment === "PRODUCTION" ? {} : { approvedSetsOnly: true, ...SAFELISTED };
  }
  return { approvedSetsOnly: approvedSetsOnly ?? existing.approvedSetsOnly, ...SAFELISTED };
}

/** `Grant.safelistWaiver` and `Grant.applicationNumber`, merged into the Grant resolvers. */
export const safelistGrantFields: NonNullable<Resolvers["Grant"]> = {
  safelistWaiver: (row) =>
    !row.approvedSetsOnly &&
    row.safelistWaiverReason !== null &&
    row.safelistWaivedAt !== null &&
    row.safelistWaivedByKeyId !== null
      ? {
          reason: row.safelistWaiverReason,
          waivedAt: row.safelistWaivedAt.toISOString(),
          keyId: String(row.safelistWaivedByKeyId),
        }
      : null,
  applicationNumber: (row, _args, context) =>
    row.applicationId === null ? null : applicationLoaders(context).number.load(row.applicationId),
};

/** `ApiKey.applicationNumber`. */
export const apiKeyApplicationField: NonNullable<Resolvers["ApiKey"]> = {
  applicationNumber: (row, _args, context) =>
    row.applicationId === null ? null : applicationLoaders(context).number.load(row.applicationId),
};
