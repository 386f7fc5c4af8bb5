import { completeRegistrationNumber, type PlatformEnvironment } from "@rnp/common";

export interface ProvisionedRequester {
  requesterId: string;
  key: string;
  grantNumber: string;
}

async function call<T>(
  url: string,
  key: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length)
    throw new Error(`provisioning failed: ${body.errors.map((e) => e.message).join("; ")}`);
  return body.data as T;
}

/** A valid registration number derived from a small integer, for synthetic organisations. */
export function syntheticRegistrationNumber(n: number): string {
  for (let candidate = 4_100_000_000 + n * 10; ; candidate++) {
    const number = completeRegistrationNumber(String(candidate));
    if (number) return number;
  }
}

/**
 * Registers an organisation (or finds it by registration number), issues it a fresh
 * REQUESTER key and a grant for the data groups in `environment` (default TEST), or reuses
 * its valid grant for the same purpose and environment, all through the gateway's own
 * operator mutations.
 */
export async function provisionRequester(
  gatewayUrl: string,
  operatorKey: string,
  options: {
    name: string;
    registrationNumber: string;
    dataGroups: string[];
    purpose: string;
    environment?: PlatformEnvironment;
    /**
     * Hold the grant to approved composite data sets (default false: the demo and test
     * requesters send their own documents, even on a PRODUCTION platform).
     */
    approvedSetsOnly?: boolean;
    /**
     * One key per requester across restarts (`pnpm start` in development): this key, kept
     * from the last start, is reused while it still works for the organisation; otherwise a
     * new one is issued and every other key issued at a start is revoked, so old ones do not
     * stay valid. Absent: a fresh key each call, the others left alone (tests).
     */
    reuseKey?: string | null;
  },
): Promise<ProvisionedRequester> {
  const { requesters } = await call<{
    requesters: {
      nodes: {
        id: string;
        registrationNumber: string;
        apiKeys: { id: string; label: string; revokedAt: string | null }[];
        grants: {
          number: string;
          purpose: string;
          environment: PlatformEnvironment;
          validTo: string;
          revokedAt: string | null;
        }[];
      }[];
    };
  }>(
    gatewayUrl,
    operatorKey,
    "{ requesters(first: 100) { nodes { id registrationNumber apiKeys { id label revokedAt } grants { number purpose environment validTo revokedAt } } } }",
    {},
  );
  const existing = requesters.nodes.find((r) => r.registrationNumber === options.registrationNumber);
  let requesterId = existing?.id;
  if (!requesterId) {
    const created = await call<{ createRequester: { id: string } }>(
      gatewayUrl,
      operatorKey,
      "mutation ($input: CreateRequesterInput!) { createRequester(input: $input) { id } }",
      {
        input: {
          name: options.name,
          registrationNumber: options.registrationNumber,
          contactEmail: "it@demo.example.lv",
        },
      },
    );
    requesterId = created.createRequester.id;
  }
  const stable = "reuseKey" in options;
  const key =
    stable && options.reuseKey && existing && (await keyWorksFor(gatewayUrl, options.reuseKey, existing.id))
      ? options.reuseKey
      : await issueStartKey(gatewayUrl, operatorKey, requesterId, stable ? (existing?.apiKeys ?? []) : []);
  const environment = options.environment ?? "TEST";
  const today = new Date();
  // A restart reuses the organisation's still-valid grant for the same purpose.
  const reusable = existing?.grants.find(
    (g) =>
      g.purpose === options.purpose &&
      g.environment === environment &&
      !g.revokedAt &&
      g.validTo >= today.toISOString().slice(0, 10),
  );
  if (reusable) return { requesterId: requesterId!, key, grantNumber: reusable.number };
  const { createGrant } = await call<{ createGrant: { number: string } }>(
    gatewayUrl,
    operatorKey,
    "mutation ($input: CreateGrantInput!) { createGrant(input: $input) { number } }",
    {
      input: {
        requesterId,
        dataGroups: options.dataGroups,
        legalBasis: "Test agreement for development and acceptance testing",
        purpose: options.purpose,
        validFrom: today.toISOString().slice(0, 10),
        validTo: new Date(today.getTime() + 365 * 86_400_000).toISOString().slice(0, 10),
        environment,
        monitoringAllowed: true,
        // A PRODUCTION grant runs documents sent in full only with a recorded waiver.
        ...(environment === "PRODUCTION" && !options.approvedSetsOnly
          ? { safelistWaiver: { reason: "Demo or test requester of a development platform" } }
          : { approvedSetsOnly: options.approvedSetsOnly ?? false }),
      },
    },
  );
  return { requesterId, key, grantNumber: createGrant.number };
}

const START_KEY_LABEL = "issued at start";

/** Whether `key` still authenticates as the organisation `requesterId` (not revoked, not expired). */
async function keyWorksFor(gatewayUrl: string, key: string, requesterId: string): Promise<boolean> {
  try {
    const { me } = await call<{ me: { requester: { id: string } } }>(
      gatewayUrl,
      key,
      "{ me { requester { id } } }",
      {},
    );
    return me.requester.id === requesterId;
  } catch {
    return false;
  }
}

/** Issues a REQUESTER key, then revokes `earlier` keys issued at a start that are still valid. */
async function issueStartKey(
  gatewayUrl: string,
  operatorKey: string,
  requesterId: string,
  earlier: { id: string; label: string; revokedAt: string | null }[],
): Promise<string> {
  const { issueApiKey } = await call<{ issueApiKey: { key: string } }>(
    gatewayUrl,
    operatorKey,
    "mutation ($input: IssueApiKeyInput!) { issueApiKey(input: $input) { key } }",
    { input: { requesterId, role: "REQUESTER", label: START_KEY_LABEL } },
  );
  for (const old of earlier.filter((k) => k.label === START_KEY_LABEL && !k.revokedAt)) {
    await call(gatewayUrl, operatorKey, "mutation ($id: ID!) { revokeApiKey(id: $id) { id } }", {
      id: old.id,
    });
  }
  return issueApiKey.key;
}
