import type { ConnectorConfig } from "./schema";

/** The grant or the credentials no longer let the connector read: it pauses rather than retries hard. */
export class GrantPaused extends Error {
  override name = "GrantPaused";
}

/** A refusal the configuration must fix (e.g. the composite set is not approved under the grant). */
export class Refused extends Error {
  override name = "Refused";
}

interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}
export interface Answer<T> {
  data?: T | null;
  errors?: GraphQLError[];
}

/**
 * The platform as the connector sees it: an OAuth 2.0 client-credentials token from the
 * gateway's `/oauth/token` (renewed a minute before it expires), and GraphQL over HTTP under
 * the configured grant. Secrets never appear in the errors it throws.
 */
export class PlatformClient {
  private token?: { value: string; until: number };

  constructor(private readonly platform: ConnectorConfig["platform"]) {}

  /** A valid access token, asked anew when the held one is close to expiry. */
  async accessToken(): Promise<string> {
    if (this.token && this.token.until > Date.now()) return this.token.value;
    const pair = `${encodeURIComponent(this.platform.clientId)}:${encodeURIComponent(this.platform.clientSecret)}`;
    const response = await fetch(new URL("/oauth/token", this.platform.url), {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(pair).toString("base64")}`,
      },
      body: "grant_type=client_credentials",
    });
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
      error?: string;
      error_description?: string;
    };
    if (response.status === 400 || response.status === 401)
      throw new GrantPaused(
        `the token endpoint refused the client (${body.error ?? response.status}): ${body.error_description ?? "check the client id and secret, and that the grant is valid"}`,
      );
    if (!response.ok || !body.access_token) throw new Error(`the token endpoint answered ${response.status}`);
    this.token = {
      value: body.access_token,
      until: Date.now() + Math.max(10, (body.expires_in ?? 300) - 60) * 1000,
    };
    return body.access_token;
  }

  /** The headers of a request under the grant. */
  async headers(): Promise<Record<string, string>> {
    return {
      "content-type": "application/json",
      authorization: `Bearer ${await this.accessToken()}`,
      grant: this.platform.grant,
    };
  }

  /**
   * Sends a document (`query`) or an approved composite set (`documentId`). Throws GrantPaused
   * for UNAUTHENTICATED/FORBIDDEN of the whole request, Refused for other client errors of the
   * whole request, and a plain Error (retried) for the platform's own failures. Errors at
   * positions of a list are left in the answer for the caller.
   */
  async request<T>(body: {
    query?: string;
    documentId?: string;
    variables?: Record<string, unknown>;
  }): Promise<Answer<T>> {
    const response = await fetch(this.platform.url, {
      method: "POST",
      headers: await this.headers(),
      body: JSON.stringify(body),
    });
    if (response.status === 401) this.token = undefined;
    const answer = (await response.json().catch(() => ({}))) as Answer<T>;
    const whole = answer.errors?.find((e) => !e.path || e.path.length <= 1);
    const code = whole?.extensions?.code;
    if (
      code === "UNAUTHENTICATED" ||
      code === "FORBIDDEN" ||
      response.status === 401 ||
      response.status === 403
    )
      throw new GrantPaused(whole?.message ?? `the platform answered ${response.status}`);
    if (whole && !answer.data && response.status >= 400 && response.status < 500)
      throw new Refused(`${whole.message} (${code ?? response.status})`);
    if (response.status >= 500 || (whole && !answer.data))
      throw new Error(`the platform answered ${response.status}: ${whole?.message ?? ""}`.trim());
    return answer;
  }
}

/** What `connector check` verifies on the platform: the composite set is approved, under the grant, and its document. */
export async function approvedDocument(client: PlatformClient, config: ConnectorConfig): Promise<string> {
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const answer: Answer<{
      compositeSets: {
        nodes: {
          grant: { number: string };
          versions: { documentId: string; document: string; status: string }[];
        }[];
        endCursor: string | null;
        hasNextPage: boolean;
      };
    }> = await client.request({
      query: `query ($after: String) { compositeSets(first: 100, after: $after) {
        nodes { grant { number } versions { documentId document status } } endCursor hasNextPage } }`,
      variables: { after },
    });
    for (const set of answer.data?.compositeSets.nodes ?? []) {
      const version = set.versions.find((v) => v.documentId === config.compositeSet.documentId);
      if (!version) continue;
      if (set.grant.number !== config.platform.grant)
        throw new Refused(
          `the composite set ${config.compositeSet.documentId} is under grant ${set.grant.number}, not ${config.platform.grant}: use a composite set of the grant, or the grant it belongs to.`,
        );
      if (version.status !== "APPROVED")
        throw new Refused(
          `the composite set's version is ${version.status}, not APPROVED: wait for the operator's approval or use an approved version.`,
        );
      return version.document;
    }
    if (!answer.data?.compositeSets.hasNextPage) break;
    after = answer.data.compositeSets.endCursor;
  }
  throw new Refused(
    `no composite set of your organisation has the version ${config.compositeSet.documentId}: copy the documentId of an approved version from the portal.`,
  );
}
