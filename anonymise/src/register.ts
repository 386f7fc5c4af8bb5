import type { Sex } from "@rnp/common";
import { type AddressKey, AddressMapper } from "./addresses";
import { BirthDateShifter } from "./birthDates";
import { decodeField, decodeSimpleArray, encodeField, encodeSimpleArray } from "./copyText";
import { DocumentNumberMapper } from "./documents";
import type { AnonymisationKeys } from "./keys";
import { NameMapper } from "./names";
import { PersonCodeMapper } from "./personCodes";

/**
 * How each register table is read and rewritten. `select` lists the target table's columns
 * in order (what COPY writes), then context columns of the person the row belongs to (their
 * original birth date and sex), which `rewrite` uses and drops.
 */
export interface TableRewrite {
  /** `person.persons` */
  table: string;
  /** Target columns, in the order `select` returns them. */
  columns: readonly string[];
  /** The source query (a SELECT), ordered for determinism. */
  select: string;
  /** Null: copied as it is. */
  rewrite: ((fields: string[]) => string[]) | null;
}

/** The later of two ISO dates. */
function laterDate(a: string, b: string): string {
  return a < b ? b : a;
}

/** Every keyed mapping of one run: the same keys and `asOf` always give the same output. */
export class RegisterAnonymiser {
  readonly birthDates: BirthDateShifter;
  readonly codes: PersonCodeMapper;
  readonly names: NameMapper;
  readonly documents: DocumentNumberMapper;

  constructor(
    keys: AnonymisationKeys,
    asOf: string,
    readonly addresses: AddressMapper,
  ) {
    this.birthDates = new BirthDateShifter(keys.hmac, asOf);
    this.codes = new PersonCodeMapper(keys.ff1, this.birthDates);
    this.names = new NameMapper(keys.hmac);
    this.documents = new DocumentNumberMapper(keys.ff1);
  }

  static withAddresses(keys: AnonymisationKeys, asOf: string, addresses: readonly AddressKey[]) {
    return new RegisterAnonymiser(keys, asOf, new AddressMapper(keys.hmac, addresses));
  }

  /**
   * A date of the person's own life after their birth date moved: the birth day itself
   * (a declaration or document from birth) follows it, and nothing stays before it.
   */
  followBirth(date: string | null, oldBirth: string, newBirth: string): string | null {
    if (date === null) return null;
    if (date === oldBirth || date < newBirth) return newBirth;
    return date;
  }

  /** The rewrites of every register table, in foreign-key order. */
  tables(): TableRewrite[] {
    const code = (field: string) => this.codes.map(field);
    const birth = (field: string) => this.birthDates.shift(field);
    return [
      {
        table: "person.addresses",
        columns: [
          "address_code",
          "kind",
          "name",
          "parent_code",
          "municipality_code",
          "building_code",
          "postal_code",
          "full_address",
        ],
        select:
          "select address_code, kind, name, parent_code, municipality_code, building_code, postal_code, full_address from person.addresses order by address_code",
        rewrite: null,
      },
      {
        table: "person.persons",
        columns: [
          "person_code",
          "former_person_codes",
          "given_name",
          "surname",
          "surname_at_birth",
          "sex",
          "birth_date",
          "birth_place",
          "birth_country",
          "citizenship_status",
          "citizenship_country",
          "nationality",
          "death_date",
          "death_place",
        ],
        select:
          "select person_code, former_person_codes, given_name, surname, surname_at_birth, sex, birth_date, birth_place, birth_country, citizenship_status, citizenship_country, nationality, death_date, death_place from person.persons order by person_code",
        rewrite: (f) => {
          const [
            personCode = "",
            former = "{}",
            given = "",
            surname = "",
            atBirth = "",
            sex = "MALE",
            birthDate = "",
          ] = f;
          const newBirth = birth(birthDate);
          const s = sex as Sex;
          const out = [...f];
          out[0] = code(personCode);
          out[1] = encodeSimpleArray(decodeSimpleArray(former).map(code));
          out[2] = encodeField(this.names.givenName(personCode, s, decodeField(given) ?? ""));
          out[3] = encodeField(this.names.surname(s, decodeField(surname) ?? ""));
          out[4] = encodeField(this.names.surname(s, decodeField(atBirth) ?? ""));
          out[6] = newBirth;
          out[12] = encodeField(this.followBirth(decodeField(f[12] ?? "\\N"), birthDate, newBirth));
          return out;
        },
      },
      {
        table: "person.declared_addresses",
        columns: ["id", "person_code", "address_code", "kind", "declared_from", "declared_to"],
        select:
          "select d.id, d.person_code, d.address_code, d.kind, d.declared_from, d.declared_to, p.birth_date from person.declared_addresses d join person.persons p using (person_code) order by d.id",
        rewrite: (f) => {
          const [id = "", personCode = "", address = "", kind = "", from = "", to = "\\N", birthDate = ""] =
            f;
          const newBirth = birth(birthDate);
          const newFrom = this.followBirth(from, birthDate, newBirth) ?? from;
          const newTo = this.followBirth(decodeField(to), birthDate, newBirth);
          return [
            id,
            code(personCode),
            this.addresses.map(address),
            kind,
            newFrom,
            encodeField(newTo === null ? null : laterDate(newTo, newFrom)),
          ];
        },
      },
      {
        table: "person.identity_documents",
        columns: [
          "id",
          "person_code",
          "type",
          "number",
          "issuer",
          "issue_date",
          "expiry_date",
          "status",
          "status_reason",
          "status_changed_on",
        ],
        select:
          "select d.id, d.person_code, d.type, d.number, d.issuer, d.issue_date, d.expiry_date, d.status, d.status_reason, d.status_changed_on, p.birth_date from person.identity_documents d join person.persons p using (person_code) order by d.id",
        rewrite: (f) => {
          const birthDate = f[10] ?? "";
          const out = f.slice(0, 10);
          out[1] = code(f[1] ?? "");
          out[3] = encodeField(this.documents.map(decodeField(f[3] ?? "") ?? ""));
          out[5] = this.followBirth(f[5] ?? "", birthDate, birth(birthDate)) ?? "";
          return out;
        },
      },
      {
        table: "person.name_history",
        columns: ["id", "person_code", "given_name", "surname", "valid_from", "valid_to", "change_reason"],
        select:
          "select h.id, h.person_code, h.given_name, h.surname, h.valid_from, h.valid_to, h.change_reason, p.sex, p.birth_date from person.name_history h join person.persons p using (person_code) order by h.id",
        rewrite: (f) => {
          const [
            id = "",
            personCode = "",
            given = "",
            surname = "",
            from = "",
            to = "",
            reason = "",
            sex = "MALE",
            birthDate = "",
          ] = f;
          const s = sex as Sex;
          const newBirth = birth(birthDate);
          const newFrom = this.followBirth(from, birthDate, newBirth) ?? from;
          return [
            id,
            code(personCode),
            encodeField(this.names.givenName(personCode, s, decodeField(given) ?? "")),
            encodeField(this.names.surname(s, decodeField(surname) ?? "")),
            newFrom,
            laterDate(to, newFrom),
            reason,
          ];
        },
      },
      {
        table: "person.marriages",
        columns: ["id", "spouse_a", "spouse_b", "married_on", "place", "divorced_on"],
        select:
          "select id, spouse_a, spouse_b, married_on, place, divorced_on from person.marriages order by id",
        rewrite: (f) => [f[0] ?? "", code(f[1] ?? ""), code(f[2] ?? ""), ...f.slice(3)],
      },
      {
        table: "person.parent_child",
        columns: ["parent_code", "child_code", "role"],
        select:
          "select parent_code, child_code, role from person.parent_child order by parent_code, child_code",
        rewrite: (f) => [code(f[0] ?? ""), code(f[1] ?? ""), f[2] ?? ""],
      },
      {
        table: "person.change_log",
        columns: ["seq", "person_code", "data_groups", "kind", "changed_at"],
        select: "select seq, person_code, data_groups, kind, changed_at from person.change_log order by seq",
        rewrite: (f) => [f[0] ?? "", code(f[1] ?? ""), ...f.slice(2)],
      },
      {
        table: "person.change_sequence",
        columns: ["id", "value"],
        select: "select id, value from person.change_sequence order by id",
        rewrite: null,
      },
      {
        table: "person.seed_info",
        columns: ["id", "seed", "persons", "generated_at"],
        select: "select id, seed, persons, generated_at from person.seed_info order by id",
        rewrite: null,
      },
    ];
  }
}
