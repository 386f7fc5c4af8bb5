/** Renaming a municipality: a mass change, set-based whatever the number of persons. */
import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { eq, sql } from "drizzle-orm";
import type { AddressRow } from "../personRepository";
import { appendChanges } from "./changeLog";
import { invalid, notFound } from "./refusal";
import { requireText } from "./text";
import { rowsOf } from "./transaction";

const { addresses } = schema.person;

export interface RenameMunicipalityInput {
  municipalityCode: string;
  newName: string;
}

export interface MunicipalityRenamedResult {
  municipality: AddressRow;
  previousName: string;
  addressesUpdated: number;
  personsAffected: number;
  lastSeq: number | null;
}

/** How a municipality is written in full addresses: `Siguldas novads` → `Siguldas nov.`, a city as is. */
export function addressFormOf(municipalityName: string): string {
  return municipalityName.endsWith(" novads")
    ? `${municipalityName.slice(0, -" novads".length)} nov.`
    : municipalityName;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Renames a municipality and rewrites the municipality part of every full address in it,
 * then logs one ADDRESS change per person with a current declaration there. Set-based: one
 * UPDATE for the addresses and one INSERT … SELECT for the log, whatever the number of
 * persons.
 */
export function renameMunicipality(
  db: Database,
  input: RenameMunicipalityInput,
): Promise<MunicipalityRenamedResult> {
  return db.transaction(async (tx) => {
    const newName = requireText(input.newName, "newName", "Siguldas novads");
    if (newName.length > 100)
      throw invalid(`\`newName\` has ${newName.length} characters; write at most 100.`);
    if (newName.includes(","))
      throw invalid("`newName` contains a comma, which separates the parts of an address; leave it out.");
    const [municipality] = await tx
      .select()
      .from(addresses)
      .where(eq(addresses.addressCode, input.municipalityCode))
      .for("no key update");
    if (!municipality) {
      throw notFound(`No address has code ${input.municipalityCode} in the State Address Register.`);
    }
    if (municipality.municipalityCode !== municipality.addressCode) {
      throw invalid(
        `Address ${municipality.addressCode} is a ${municipality.kind.toLowerCase()} (${municipality.fullAddress}), not a municipality; pass its municipality's code ${municipality.municipalityCode}.`,
      );
    }
    if (municipality.name === newName)
      throw invalid(`The municipality ${municipality.addressCode} is named ${newName} already.`);
    const pattern = `(^|, )${escapeRegExp(addressFormOf(municipality.name))}(, LV-[0-9]{4})?$`;
    const replacement = `\\1${addressFormOf(newName).replace(/\\/g, "\\\\")}\\2`;
    const updated = await rowsOf<{ n: number }>(
      tx,
      sql`with changed as (
          update person.addresses
          set full_address = regexp_replace(full_address, ${pattern}, ${replacement}),
              name = case when address_code = ${municipality.addressCode} then ${newName} else name end
          where municipality_code = ${municipality.addressCode}
            and (full_address ~ ${pattern} or address_code = ${municipality.addressCode})
          returning 1
        )
        select count(*)::int as n from changed`,
    );
    const appended = await appendChanges(tx, {
      personCodes: sql`select distinct d.person_code
        from person.declared_addresses d
        join person.addresses a on a.address_code = d.address_code
        where a.municipality_code = ${municipality.addressCode} and d.declared_to is null`,
      dataGroups: ["ADDRESS"],
      kind: "MUNICIPALITY_RENAMED",
    });
    return {
      municipality: {
        ...municipality,
        name: newName,
        fullAddress: addressFormOf(newName),
        municipalityName: newName,
      },
      previousName: municipality.name,
      addressesUpdated: updated[0]?.n ?? 0,
      personsAffected: appended.count,
      lastSeq: appended.lastSeq,
    };
  });
}
