import type { Database } from "@rnp/db";
import { findCredential } from "../access/credentials";
import { noteAuthentication } from "../limits/rateLimit";

/** What a subscriber sends on connect: its key and the grant its subscriptions exercise. */
export type ConnectionParams = {
  authorization?: string;
  grant?: string;
};

/**
 * Authentication on connect: a connection is accepted with a known API key that is neither
 * revoked nor expired (`authorization: "Bearer <key>"`); graphql-ws closes it with 4403
 * otherwise. The grant is checked per execution, like over HTTP.
 */
export async function acceptsConnection(
  db: Database,
  params: ConnectionParams | undefined,
): Promise<boolean> {
  const key = /^Bearer\s+(\S+)$/i.exec(params?.authorization ?? "")?.[1];
  if (!key) return false;
  const credential = await findCredential(db, key);
  const accepted = Boolean(
    credential && !credential.revokedAt && (!credential.expiresAt || credential.expiresAt > new Date()),
  );
  noteAuthentication(params?.authorization, accepted);
  return accepted;
}
