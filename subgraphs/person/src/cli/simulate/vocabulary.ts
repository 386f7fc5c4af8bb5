import type { Database } from "@rnp/db";
import { sql } from "drizzle-orm";
import { rows } from "./rows";

/** Lists the generator draws names and places from, read once from the register. */
export interface Vocabulary {
  givenNames: { MALE: string[]; FEMALE: string[] };
  maleSurnames: string[];
  issuers: string[];
  places: string[];
  addressRange: [number, number];
}

export async function loadVocabulary(db: Database): Promise<Vocabulary> {
  const given = await rows<{ sex: "MALE" | "FEMALE"; given_name: string }>(
    db,
    sql`select distinct sex::text as sex, given_name from person.persons
      where given_name not like '% %' order by sex, given_name`,
  );
  const surnames = await rows<{ surname: string }>(
    db,
    sql`select surname from person.persons where sex = 'MALE' group by surname having count(*) >= 3 order by surname`,
  );
  const issuers = await rows<{ issuer: string }>(
    db,
    sql`select distinct issuer from person.identity_documents order by issuer`,
  );
  const places = await rows<{ name: string }>(
    db,
    sql`select distinct name from person.addresses where kind in ('CITY', 'TOWN') order by name`,
  );
  const [range] = await rows<{ low: string; high: string }>(
    db,
    sql`select min(address_code) as low, max(address_code) as high from person.addresses`,
  );
  return {
    givenNames: {
      MALE: given.filter((row) => row.sex === "MALE").map((row) => row.given_name),
      FEMALE: given.filter((row) => row.sex === "FEMALE").map((row) => row.given_name),
    },
    maleSurnames: surnames.map((row) => row.surname),
    issuers: issuers.map((row) => row.issuer),
    places: places.map((row) => row.name),
    addressRange: [Number(range?.low ?? 0), Number(range?.high ?? 0)],
  };
}
