import type { ExercisedGrant } from "@rnp/common";
import { graphQLError } from "@rnp/policy/errors";
import type { SetRow } from "./repositories/setRepository";

/**
 * Monitoring runs under the set's own grant, checked at every operation and delivery: the
 * request's grant (which the gateway has just found active, unrevoked and in this environment)
 * must be the one the set was created under, must still allow monitoring and must still cover
 * the set's groups. Otherwise FORBIDDEN, with a sentence saying what to do. A subscription runs
 * its query through this check on every wake-up and re-check, so it ends with this refusal.
 */
export function checkSetGrant(set: SetRow, grant: ExercisedGrant): void {
  if (set.grantId !== grant.id) {
    throw graphQLError(
      "FORBIDDEN",
      `Set ${set.id} was created under ${set.grantNumber ? `grant ${set.grantNumber}` : "another grant"}, not grant ${grant.number}; name that grant in the \`Grant\` header. A set is monitored only under the grant it was created under.`,
    );
  }
  if (!grant.monitoringAllowed) {
    throw graphQLError(
      "FORBIDDEN",
      `Grant ${grant.number} no longer allows monitoring, so set ${set.id} is not served: ask the operator to allow monitoring again, or delete the set.`,
    );
  }
  const uncovered = set.dataGroups.filter((group) => !grant.dataGroups.includes(group));
  if (uncovered.length > 0) {
    throw graphQLError(
      "FORBIDDEN",
      `Set ${set.id} monitors ${uncovered.join(", ")}, which grant ${grant.number} no longer covers (it covers ${grant.dataGroups.join(", ")}): ask the operator to restore the group, or create a set for the groups the grant covers.`,
    );
  }
}
