import type { ProvisionedRequester } from "./provision";

async function operatorCall(url: string, key: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
}

/**
 * People for the portal's first steps in development, through the operator's own mutations:
 * the demo requester's grant allows look-ups by hand, `signatory` is its signatory contact
 * person and `official` a PDP user. Idempotent: a person already in place is left as is.
 */
export async function provisionPortalDemo(
  gatewayUrl: string,
  operatorKey: string,
  demo: ProvisionedRequester,
  people: { signatory: string; official: string },
): Promise<void> {
  const steps: [string, Record<string, unknown>][] = [
    [
      "mutation($n: String!) { updateGrant(number: $n, input: { manualLookup: true }) { number } }",
      { n: demo.grantNumber },
    ],
    [
      "mutation($r: ID!, $p: String!) { appointSignatory(requesterId: $r, personCode: $p) { personCode } }",
      { r: demo.requesterId, p: people.signatory },
    ],
    [
      "mutation($r: ID!, $p: String!) { addMember(requesterId: $r, personCode: $p, roles: [PDP_USER]) { personCode } }",
      { r: demo.requesterId, p: people.official },
    ],
  ];
  for (const [query, variables] of steps) {
    const body = await operatorCall(gatewayUrl, operatorKey, query, variables);
    const refused = body.errors?.filter((error) => !/already a member/.test(error.message)) ?? [];
    if (refused.length > 0)
      throw new Error(`portal demo: ${refused.map((error) => error.message).join("; ")}`);
  }
}
