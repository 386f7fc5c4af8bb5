import { genderedSurname } from "@rnp/common";
import type { AddressRegister } from "./addressRegister";
import { ageOn, isoOf, REGISTER_DAY, yearOf, yearsToDays } from "./dates";
import { type DocumentNumbers, generateDocuments } from "./documents";
import { type Cluster, changeSurname } from "./families";
import { pickGivenName } from "./givenNames";
import { dwellingOn, type Move, type Person, surnameOf } from "./people";
import type { Random } from "./random";
import type { DeclaredAddressRow, RegisterChunk } from "./rows";

/** Next id of each bigserial table; the loader moves the sequences past them afterwards. */
export interface RowIds {
  declaredAddresses: number;
  identityDocuments: number;
  nameHistory: number;
  marriages: number;
}

export interface RowContext {
  random: Random;
  addresses: AddressRegister;
  documentNumbers: DocumentNumbers;
  ids: RowIds;
}

/** The register keeps a person's current declared address and at most three before it. */
const MAX_DECLARED_ROWS = 4;

/** Appends a finished cluster's rows to `chunk`. */
export function appendClusterRows(cluster: Cluster, context: RowContext, chunk: RegisterChunk): void {
  for (const person of cluster.persons) addLateLifeEvents(person, context);
  for (const person of cluster.persons) {
    chunk.persons.push(personRow(person, context));
    chunk.declaredAddresses.push(...declaredAddressRows(person, context));
    chunk.nameHistory.push(
      ...person.earlierNames.map((name) => ({
        id: context.ids.nameHistory++,
        personCode: person.code,
        givenName: name.givenName,
        surname: name.surname,
        validFrom: isoOf(name.validFrom),
        validTo: isoOf(name.validTo),
        changeReason: name.changeReason,
      })),
    );
    chunk.identityDocuments.push(
      ...generateDocuments(
        {
          personCode: person.code,
          birthDay: person.birthDay,
          deathDay: person.deathDay,
          citizenship: person.citizenship,
          nameChangeDays: person.nameChangeDays,
          officeOn: (day) => {
            const dwelling = dwellingOn(person, day) ?? person.moves.at(-1)?.dwelling;
            return dwelling === undefined
              ? "PMLP Rīgas 1. nodaļa"
              : context.addresses.officeOf(context.random, dwelling);
          },
        },
        {
          random: context.random,
          numbers: context.documentNumbers,
          nextId: () => context.ids.identityDocuments++,
        },
      ),
    );
  }
  for (const union of cluster.unions) {
    chunk.marriages.push({
      id: context.ids.marriages++,
      spouseA: union.husband.code,
      spouseB: union.wife.code,
      marriedOn: isoOf(union.startDay),
      place: union.place,
      divorcedOn: union.endDay === null ? null : isoOf(union.endDay),
    });
  }
  for (const link of cluster.parentLinks) {
    chunk.parentChild.push({ parentCode: link.parent.code, childCode: link.child.code, role: link.role });
  }
}

/**
 * Events decided once the family is complete: a few adults changed their given name by
 * application, and some declared a second (additional) address, often a country house.
 */
function addLateLifeEvents(person: Person, context: RowContext): void {
  const { random } = context;
  const endDay = person.deathDay ?? REGISTER_DAY;
  const adultFrom = person.birthDay + yearsToDays(18);
  if (adultFrom < endDay - 400 && random.chance(0.004)) {
    const day = Math.max(adultFrom, person.surnameSince + 30) + random.int(Math.max(1, endDay - adultFrom));
    if (day < endDay) {
      const previous = person.givenName;
      let next = previous;
      for (let i = 0; i < 5 && next === previous; i++) {
        next = pickGivenName(random, person.ethnicity.nameStyle, person.sex, yearOf(person.birthDay));
      }
      if (next !== previous && day > person.surnameSince) {
        // Recorded as a name change that keeps the surname: the earlier row holds the old given name.
        changeSurname(person, person.surname, day, "APPLICATION");
        person.givenName = next;
      }
    }
  }
  if (person.deathDay === null && ageOn(person.birthDay, REGISTER_DAY) >= 25 && random.chance(0.042)) {
    const from = Math.max(person.birthDay + yearsToDays(25), REGISTER_DAY - yearsToDays(15));
    const dwelling = random.chance(0.6)
      ? context.addresses.newCountryDwelling(random)
      : context.addresses.earlierDwelling(random);
    if (dwelling !== person.moves.at(-1)?.dwelling) {
      person.additionalAddress = { day: from + random.int(Math.max(1, REGISTER_DAY - from)), dwelling };
    }
  }
}

function personRow(person: Person, context: RowContext): RegisterChunk["persons"][number] {
  const lastHome = person.deathDay === null ? undefined : dwellingOn(person, person.deathDay);
  return {
    personCode: person.code,
    formerPersonCodes: person.formerCodes,
    givenName: person.givenName,
    surname: surnameOf(person),
    surnameAtBirth: genderedSurname(person.birthSurname, person.sex),
    sex: person.sex,
    birthDate: isoOf(person.birthDay),
    birthPlace: person.birthPlace,
    birthCountry: person.birthCountry,
    citizenshipStatus: person.citizenship,
    citizenshipCountry: person.citizenshipCountry,
    nationality: person.nationality,
    deathDate: person.deathDay === null ? null : isoOf(person.deathDay),
    deathPlace:
      person.deathDay === null
        ? null
        : lastHome === null || lastHome === undefined
          ? "Rīga"
          : context.addresses.townOf(lastHome),
  };
}

/**
 * Declared addresses from the person's moves: each lasts until the day before the next
 * move; the last is open (current) for the living and ends on the death date for the dead.
 */
function declaredAddressRows(person: Person, context: RowContext): DeclaredAddressRow[] {
  const endDay = person.deathDay ?? REGISTER_DAY;
  const moves: Move[] = [];
  for (const move of person.moves) {
    if (move.day > endDay) break;
    const last = moves.at(-1);
    if (last && last.day === move.day) moves.pop();
    if (moves.at(-1)?.dwelling === move.dwelling) continue;
    moves.push(move);
  }
  if (moves.length === 0) {
    // Everybody generated has a home; this guards against a family rule that forgot one.
    moves.push({ day: person.birthDay, dwelling: context.addresses.newDwelling(context.random) });
  }
  const kept = moves.slice(-MAX_DECLARED_ROWS);
  const rows: DeclaredAddressRow[] = kept.map((move, i) => {
    const next = kept[i + 1];
    return {
      id: context.ids.declaredAddresses++,
      personCode: person.code,
      addressCode: String(move.dwelling),
      kind: "DECLARED",
      declaredFrom: isoOf(move.day),
      declaredTo: next ? isoOf(next.day - 1) : person.deathDay === null ? null : isoOf(person.deathDay),
    };
  });
  if (person.additionalAddress && person.deathDay === null) {
    rows.push({
      id: context.ids.declaredAddresses++,
      personCode: person.code,
      addressCode: String(person.additionalAddress.dwelling),
      kind: "ADDITIONAL",
      declaredFrom: isoOf(person.additionalAddress.day),
      declaredTo: null,
    });
  }
  return rows;
}
