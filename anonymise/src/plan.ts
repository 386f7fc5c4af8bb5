import type postgres from "postgres";
import { type AddressKey, AddressMapper } from "./addresses";
import { ChangeLogPlan } from "./changeLogPlan";
import { DeclarationPlan, NameHistoryPlan } from "./datedRows";
import { DocumentPlan } from "./documentPlan";
import { DocumentNumberMapper } from "./documents";
import type { AnonymisationKeys } from "./keys";
import { MarriagePlan } from "./marriagePlan";
import { NameMapper } from "./names";
import { PersonPlan } from "./personPlan";

/** The k the anonymiser reaches unless told otherwise: no kept combination names fewer than 5. */
export const DEFAULT_K = 5;

/**
 * Everything one run decides before writing a row, read from the source snapshot: the
 * Mondrian boxes and donors of persons, documents, marriages and the change log, the bands
 * of declarations and name records, the new dates and codes, and the surrogate ids. The
 * boxes, bands and dictionaries hold no secret (they are the release's generalisation, what
 * `measureRegister` checks the output against); which row took whose values, the days
 * drawn and the codes need the key.
 */
export class AnonymisationPlan {
  private constructor(
    readonly k: number,
    readonly asOf: string,
    readonly addresses: AddressMapper,
    readonly persons: PersonPlan,
    readonly marriages: MarriagePlan,
    readonly declarations: DeclarationPlan,
    readonly names: NameHistoryPlan,
    readonly documents: DocumentPlan,
    readonly changes: ChangeLogPlan,
    readonly nameMapper: NameMapper,
    readonly documentNumbers: DocumentNumberMapper,
  ) {}

  /** Reads the source (inside one repeatable-read transaction, dates as ISO, times in UTC). */
  static async read(
    sql: postgres.TransactionSql,
    keys: AnonymisationKeys,
    asOf: string,
    k: number = DEFAULT_K,
  ): Promise<AnonymisationPlan> {
    const addressKeys = await sql<AddressKey[]>`
      select address_code as "addressCode", municipality_code as "municipalityCode", kind::text as kind from person.addresses`;
    const towns = await sql<{ name: string; municipality: string }[]>`
      select name, municipality_code as municipality from person.addresses where kind in ('CITY', 'TOWN') order by address_code`;
    const municipalityOfTown = new Map<string, string>();
    for (const town of towns)
      if (!municipalityOfTown.has(town.name)) municipalityOfTown.set(town.name, town.municipality);
    const persons = await PersonPlan.read(sql, keys, asOf, k, municipalityOfTown);
    const marriages = await MarriagePlan.read(sql, persons, keys.hmac, asOf, k, municipalityOfTown);
    const declarations = await DeclarationPlan.read(sql, persons, keys.hmac, asOf, k);
    const names = await NameHistoryPlan.read(sql, persons, marriages.events, keys.hmac, asOf, k);
    const documents = await DocumentPlan.read(sql, persons, keys.hmac, asOf, k);
    const changes = await ChangeLogPlan.read(sql, persons, keys.hmac, asOf, k);
    return new AnonymisationPlan(
      k,
      asOf,
      new AddressMapper(keys.hmac, addressKeys),
      persons,
      marriages,
      declarations,
      names,
      documents,
      changes,
      new NameMapper(keys.hmac),
      new DocumentNumberMapper(keys.ff1),
    );
  }
}
