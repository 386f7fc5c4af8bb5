import { commandLine } from "@rnp/common";
import { createDatabase } from "@rnp/db";
import { PromotionRefused, promoteApplication } from "../repositories/promotion";

const usage = `Usage: pnpm onboarding:promote --from <TEST DATABASE_URL> --to <PRODUCTION DATABASE_URL> --application A-YYYY-NNNN

Copies an accepted application (its acceptance act recorded on the test platform) to the
production platform's database: the application with its number, application token, history
and acceptance act, and the organisation if it is new there. Then, on the production
platform, the operator issues the PRODUCTION grant (issueProductionGrant) and the applicant
claims its production credentials (claimApplicationCredentials). See docs/ENVIRONMENTS.md.`;

const { values } = commandLine({
  usage,
  options: { from: { type: "string" }, to: { type: "string" }, application: { type: "string" } },
});
if (!values.from || !values.to || !values.application) {
  console.error(`Give --from, --to and --application.\n\n${usage}`);
  process.exit(2);
}
if (values.from === values.to) {
  console.error(
    "--from and --to are the same database: the test and production platforms each have their own.",
  );
  process.exit(2);
}
const from = createDatabase(values.from, { max: 1, applicationName: "rnp-promote" });
const to = createDatabase(values.to, { max: 1, applicationName: "rnp-promote" });
try {
  const promoted = await promoteApplication(from.db, to.db, values.application);
  console.log(
    `Application ${promoted.number} is on the production platform (organisation id ${promoted.requesterId} there). Next: issueProductionGrant on the production platform.`,
  );
} catch (error) {
  console.error(error instanceof PromotionRefused ? error.message : `Promotion failed: ${String(error)}`);
  process.exitCode = 1;
} finally {
  await from.close();
  await to.close();
}
