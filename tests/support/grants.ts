import type { TestPlatform } from "./platform";

export interface GrantSpec {
  dataGroups: string[];
  validFrom?: string;
  validTo?: string;
  environment?: "TEST" | "PRODUCTION";
  dailyQuota?: number;
  confidential?: boolean;
  conditions?: { field: string; operator: string; value: unknown }[];
  purpose?: string;
  /** Officials may look persons up by hand under it (the portal's person data browser). */
  manualLookup?: boolean;
}

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Creates a grant for `requesterId` through the operator's mutation; returns its number. */
export async function createGrant(
  platform: TestPlatform,
  spec: GrantSpec,
  requesterId = platform.requester.requesterId,
) {
  const { createGrant } = await platform.operator<{ createGrant: { number: string } }>(
    "mutation ($input: CreateGrantInput!) { createGrant(input: $input) { number } }",
    {
      input: {
        requesterId,
        dataGroups: spec.dataGroups,
        legalBasis: "Test contract",
        purpose: spec.purpose ?? "Testing",
        validFrom: spec.validFrom ?? day(-1),
        validTo: spec.validTo ?? day(30),
        environment: spec.environment ?? "TEST",
        ...(spec.dailyQuota ? { dailyQuota: spec.dailyQuota } : {}),
        confidential: spec.confidential ?? false,
        ...(spec.manualLookup ? { manualLookup: true } : {}),
        conditions: (spec.conditions ?? []).map((c) => ({ ...c, value: JSON.stringify(c.value) })),
      },
    },
  );
  return createGrant.number;
}

export { day };
