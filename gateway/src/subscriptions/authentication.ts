import {
  authenticate,
  type CredentialSources,
  closeCodeOf,
  closeReasonOf,
  credentialRequired,
  grantNumberOf,
} from "@rnp/policy/credentials";
import { GraphQLError } from "graphql";

/** What a subscriber sends on connect: its credential and the grant its subscriptions exercise. */
export type ConnectionParams = {
  authorization?: string;
  grant?: string;
};

/**
 * Authentication on connect, as over HTTP (`authenticate`): an API key or an OAuth access token
 * as `authorization: "Bearer <credential>"`, neither revoked nor expired. The grant is read
 * here once (trimmed, checked) and written back into `params`, so every execution sees the
 * same number; whether it may be exercised is decided per execution, like over HTTP. Returns
 * null to accept, or the close code and a reason that says what to fix (4403 for the
 * credential, 4400 for a malformed grant, 4429 past the application's tier).
 */
export async function connectionRefusal(
  sources: CredentialSources<never>,
  params: ConnectionParams | undefined,
): Promise<{ code: number; reason: string } | null> {
  try {
    const grantNumber = grantNumberOf(params?.grant, "graphql-ws");
    if (params) {
      if (grantNumber === undefined) delete params.grant;
      else params.grant = grantNumber;
    }
    const credential = await authenticate(
      { authorization: params?.authorization, grantNumber, transport: "graphql-ws" },
      sources,
    );
    if (!credential) throw credentialRequired("graphql-ws");
    return null;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { code: closeCodeOf(error.extensions.code), reason: closeReasonOf(error.message) };
  }
}
