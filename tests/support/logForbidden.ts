import { generateRegisterChunks } from "@rnp/generator";
import type { Forbidden } from "./logScan";
import { nameWords } from "./logScan";
import { TEST_AUDIT_CHAIN_KEY, TEST_OAUTH_KEYS, TEST_SIGNING_SECRET } from "./testSecrets";

/**
 * What the run's log lines may not hold: the persons of the registers the suite serves
 * (the seeded template and the default register `pnpm start` seeds, both generated again
 * here from their seeds: the generator is deterministic) and the test platforms' secrets.
 */
export function forbiddenInLogs(registers: { persons: number; seed: number }[]): Forbidden {
  const personCodes = new Set<string>();
  const names: string[] = [];
  const birthDates = new Set<string>();
  for (const register of registers) {
    for (const chunk of generateRegisterChunks(register)) {
      for (const person of chunk.persons) {
        personCodes.add(person.personCode.replace("-", ""));
        for (const former of person.formerPersonCodes) personCodes.add(former.replace("-", ""));
        names.push(person.givenName, person.surname, person.surnameAtBirth);
        birthDates.add(person.birthDate);
      }
    }
  }
  return {
    personCodes,
    names: nameWords(names),
    birthDates,
    secrets: [TEST_SIGNING_SECRET, TEST_AUDIT_CHAIN_KEY, ...TEST_OAUTH_KEYS.map((key) => key.secret)],
  };
}
