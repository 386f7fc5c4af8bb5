import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { allDataGroupNames } from "@rnp/schema";

const { providers, datasets } = schema.catalog;

/**
 * The catalog's own entries: the register's provider and the datasets it publishes.
 * Idempotent: existing codes are left as they are.
 */
export async function seedCatalog(db: Database): Promise<void> {
  await db
    .insert(providers)
    .values([
      {
        code: "pmlp",
        name: "Pilsonības un migrācijas lietu pārvalde (Office of Citizenship and Migration Affairs)",
        registrationNumber: "90000001234",
        description: "Keeps the Register of Natural Persons and serves its data to authorised requesters.",
        contactEmail: "datu.izsniegsana@pmlp.example.lv",
      },
    ])
    .onConflictDoNothing();
  const [pmlp] = await db.select({ id: providers.id }).from(providers);
  if (!pmlp) throw new Error("the catalog provider row was not written");
  await db
    .insert(datasets)
    .values([
      {
        code: "person-basic",
        name: "Person: basic data",
        description:
          "Names, birth data and citizenship of a person: the identification most requesters need.",
        providerId: pmlp.id,
        dataGroups: ["NAME", "BIRTH", "CITIZENSHIP"],
      },
      {
        code: "person-address",
        name: "Person: declared address",
        description: "The declared residence, additional addresses and their history.",
        providerId: pmlp.id,
        dataGroups: ["ADDRESS"],
      },
      {
        code: "person-documents",
        name: "Person: identity documents",
        description: "Passports and eID cards with their validity, for identity checks.",
        providerId: pmlp.id,
        dataGroups: ["DOCUMENTS"],
      },
      {
        code: "person-family",
        name: "Person: family",
        description: "Civil status, spouse, parents and children, for benefits and inheritance cases.",
        providerId: pmlp.id,
        dataGroups: ["FAMILY", "NAME"],
      },
      {
        code: "person-full",
        name: "Person: full register extract",
        description: "Every data group of the register, for agencies whose law grants the full extract.",
        providerId: pmlp.id,
        dataGroups: allDataGroupNames(),
      },
    ])
    .onConflictDoNothing();
}
