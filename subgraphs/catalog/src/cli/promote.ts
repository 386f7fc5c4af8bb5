import { readFileSync } from "node:fs";
import { ConfigError, commandLine, readConfig } from "@rnp/common";
import { createDatabase } from "@rnp/db";
import { parseActPublicKey } from "../acceptanceSignature";
import { promotionSettings } from "../config";
import { PromotionRefused, promoteApplication } from "../repositories/promotion";

const usage = `Usage: pnpm onboarding:promote --from <TEST DATABASE_URL> --to <PRODUCTION DATABASE_URL> --application A-YYYY-NNNN [--public-key FILE]

Copies an accepted application (its acceptance act recorded on the test platform) to the
production platform's database: the application with its number, application token, history
and signed acceptance act, and the organisation if no organisation has its registration
number there (if one has, the application waits for that organisation's confirmation on
production). Nothing is written unless the act's signature holds over the act and the
application as the test database has them. Then, on the production platform, the operator
issues the PRODUCTION grant (issueProductionGrant) and the applicant claims its production
credentials (claimApplicationCredentials). See docs/ENVIRONMENTS.md.

Options:
  --public-key FILE  the test platform's acceptance act public key (PEM); default:
                     ACCEPTANCE_ACT_PUBLIC_KEY (PEM or base64 DER). With \`pnpm start\` on the
                     embedded database it is .data/acceptance-act-signing.pub
  --help             show this text

Exit status: 0 promoted, 1 refused (the sentence and its code on stderr), 2 wrong use.`;

const { values } = commandLine({
  usage,
  options: {
    from: { type: "string" },
    to: { type: "string" },
    application: { type: "string" },
    "public-key": { type: "string" },
  },
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
let verifyingKey: ReturnType<typeof parseActPublicKey> | undefined;
try {
  const file = values["public-key"];
  verifyingKey = file
    ? parseActPublicKey(readFileSync(file, "utf8"))
    : readConfig(promotionSettings, process.env).ACCEPTANCE_ACT_PUBLIC_KEY;
} catch (error) {
  const reason = error instanceof ConfigError ? error.message : (error as Error).message;
  console.error(`The acceptance act public key cannot be read: ${reason}`);
  process.exit(2);
}
if (!verifyingKey) {
  console.error(
    "Give the test platform's acceptance act public key (--public-key FILE or ACCEPTANCE_ACT_PUBLIC_KEY): an act is promoted only once its signature is verified.",
  );
  process.exit(2);
}
const from = createDatabase(values.from, { max: 1, applicationName: "rnp-promote" });
const to = createDatabase(values.to, { max: 1, applicationName: "rnp-promote" });
try {
  const promoted = await promoteApplication(from.db, to.db, values.application, verifyingKey);
  console.log(
    promoted.awaitingOrganisation !== null
      ? `Application ${promoted.number} is on the production platform. Organisation ${promoted.awaitingOrganisation} is already registered there under its registration number: one of its REQUESTER_ADMIN keys confirms the application (confirmOrganisationApplication) before issueProductionGrant.`
      : `Application ${promoted.number} is on the production platform (organisation id ${promoted.requesterId} there). Next: issueProductionGrant on the production platform.`,
  );
} catch (error) {
  console.error(
    error instanceof PromotionRefused
      ? `${error.message} (${error.code})`
      : `Promotion failed: ${String(error)}`,
  );
  process.exitCode = 1;
} finally {
  await from.close();
  await to.close();
}
