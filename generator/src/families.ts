import type { Sex } from "@rnp/common";
import type { AddressRegister } from "./addressRegister";
import { ageOn, dayOf, REGISTER_DAY, yearOf, yearsToDays } from "./dates";
import {
  type Ethnicity,
  pickImmigrantEthnicity,
  pickPartnerEthnicity,
  pickResidentEthnicity,
} from "./ethnicities";
import { diedBeforeHistory } from "./lifespan";
import { aliveOn, dwellingOn, type Move, type Person, type PersonFactory, surnameOf } from "./people";
import { type Random, WeightedPicker } from "./random";
import type { ParentChildRow } from "./rows";

/**
 * Families are generated as kin clusters: a founding couple, their children, the children's
 * partners (who join from outside the register's known families) and their children, down to
 * today. A cluster never refers to a person outside itself, so clusters can be loaded one
 * batch at a time.
 */

export interface Union {
  husband: Person;
  wife: Person;
  married: boolean;
  startDay: number;
  /** Town where the marriage was registered. */
  place: string;
  /** Divorce (or, for unmarried couples, separation). */
  endDay: number | null;
}

export interface ParentLink {
  parent: Person;
  child: Person;
  role: ParentChildRow["role"];
}

export interface Cluster {
  persons: Person[];
  unions: Union[];
  parentLinks: ParentLink[];
}

export interface FamilyContext {
  random: Random;
  addresses: AddressRegister;
  people: PersonFactory;
}

/** Founders' birth years by 5-year band, shaped so the whole register matches Latvia's age pyramid. */
const FOUNDER_BIRTH_BANDS = new WeightedPicker<number>([
  [1925, 1],
  [1930, 3.5],
  [1935, 6],
  [1940, 8.5],
  [1945, 8],
  [1950, 6],
  [1955, 6],
  [1960, 5.5],
  [1965, 3],
  [1970, 1.5],
  [1975, 1.2],
  [1980, 1],
]);

/** Completed family size by the mother's generation (Latvia: about 1.9 for women born in the 1950s, 1.6 later). */
function childrenWanted(random: Random, motherBirthYear: number): number {
  const r = random.float();
  if (motherBirthYear < 1960) return r < 0.1 ? 0 : r < 0.32 ? 1 : r < 0.74 ? 2 : r < 0.92 ? 3 : 4;
  if (motherBirthYear < 1980) return r < 0.12 ? 0 : r < 0.4 ? 1 : r < 0.8 ? 2 : r < 0.94 ? 3 : 4;
  return r < 0.14 ? 0 : r < 0.42 ? 1 : r < 0.8 ? 2 : r < 0.94 ? 3 : 4;
}

/** Mean age of women at their first union, which rose from the early 20s to about 28. */
function unionAgeMean(sex: Sex, birthYear: number): number {
  const women = birthYear < 1960 ? 23 : birthYear < 1975 ? 24 : birthYear < 1990 ? 27 : 28;
  return sex === "FEMALE" ? women : women + 2.5;
}

const BIRTH_FLOOR = dayOf(1925, 1, 1);

export class ClusterBuilder {
  private readonly persons: Person[] = [];
  private readonly unions: Union[] = [];
  private readonly parentLinks: ParentLink[] = [];

  constructor(
    private readonly context: FamilyContext,
    /** Most persons this cluster may hold (the register's total is exact). */
    private readonly budget: number,
  ) {}

  result(): Cluster {
    return { persons: this.persons, unions: this.unions, parentLinks: this.parentLinks };
  }

  private hasRoom(): boolean {
    return this.persons.length < this.budget;
  }

  private get random(): Random {
    return this.context.random;
  }

  private add(person: Person): Person {
    this.persons.push(person);
    return person;
  }

  /** A settled family over up to four generations. */
  lineage(): void {
    const { random } = this;
    const ethnicity = pickResidentEthnicity(random);
    const band = FOUNDER_BIRTH_BANDS.pick(random);
    const birthDay = Math.max(BIRTH_FLOOR, dayOf(band, 1, 1) + random.int(yearsToDays(5)));
    const surname = ethnicity.surnames.pick(random);
    const unionDay = birthDay + yearsToDays(Math.max(19, random.normal(unionAgeMean("MALE", band), 3)));
    if (unionDay < REGISTER_DAY && diedBeforeHistory(random, "MALE", birthDay, unionDay)) {
      this.widowedFounder(birthDay, unionDay, ethnicity, surname);
      return;
    }
    const founder = this.newResident("MALE", birthDay, ethnicity, surname, birthDay);
    this.adultLife(founder, false);
  }

  /**
   * A family whose father died before the register's history: the widow and the children
   * are in the register, the father is not. Latvian men die about ten years before women,
   * which is why most of the oldest residents are women.
   */
  private widowedFounder(
    husbandBirth: number,
    unionDay: number,
    husbandEthnicity: Ethnicity,
    surname: string,
  ): void {
    const { random } = this;
    const { addresses } = this.context;
    const ethnicity = pickPartnerEthnicity(random, husbandEthnicity);
    const wifeBirth = Math.min(unionDay - yearsToDays(18), husbandBirth + yearsToDays(random.normal(2.5, 2)));
    let maiden = ethnicity.surnames.pick(random);
    for (let i = 0; i < 5 && maiden === surname; i++) maiden = ethnicity.surnames.pick(random);
    const wife = this.newResident("FEMALE", Math.max(BIRTH_FLOOR, wifeBirth), ethnicity, maiden, unionDay);
    this.addEarlierMoves(wife, addYearsApprox(wife.birthDay, 18), unionDay);
    addMove(wife, unionDay, addresses.newDwelling(random));
    if (maiden !== surname && random.chance(0.9)) changeSurname(wife, surname, unionDay, "MARRIAGE");
    const wanted = childrenWanted(random, yearOf(wife.birthDay));
    const union = { married: true, startDay: unionDay, endDay: null };
    const father = { surname, ethnicity: husbandEthnicity };
    for (const child of this.children(wife, null, union, wanted, father)) {
      if (ageOn(child.birthDay, REGISTER_DAY) >= 18) this.adultLife(child, true);
    }
  }

  /**
   * A resident living alone: mostly elderly women (widows whose husbands died before the
   * register's history, as Latvia's men die about ten years earlier), else a working-age
   * adult who never formed a family.
   */
  single(): void {
    const { random } = this;
    const ethnicity = pickResidentEthnicity(random);
    const elderly = random.chance(0.8);
    const age = elderly ? 65 + 30 * random.float() ** 1.6 : 22 + random.float() * 43;
    const sex: Sex = random.chance(elderly ? 0.3 : 0.55) ? "MALE" : "FEMALE";
    const birthDay = REGISTER_DAY - yearsToDays(age);
    let surname = ethnicity.surnames.pick(random);
    const person = this.newResident(sex, birthDay, ethnicity, surname, birthDay);
    if (elderly && sex === "FEMALE" && random.chance(0.85)) {
      // Her late husband's name, taken at a marriage the register's history no longer holds.
      for (let i = 0; i < 5 && surname === person.birthSurname; i++)
        surname = ethnicity.surnames.pick(random);
      const married = birthDay + yearsToDays(unionAgeMean("FEMALE", yearOf(birthDay)));
      if (surname !== person.birthSurname) changeSurname(person, surname, married, "MARRIAGE");
    }
    this.addEarlierMoves(person, addYearsApprox(birthDay, 18), REGISTER_DAY);
    this.moveAlone(person, Math.max(addYearsApprox(birthDay, 20), this.lastMoveDay(person) + 200));
  }

  /**
   * Immigrants of the last two decades: Ukrainian mothers with children since 2022, workers
   * and students from Central and South Asia, families from Russia, Belarus and the EU.
   */
  immigrants(): void {
    const { random } = this;
    const ethnicity = pickImmigrantEthnicity(random);
    const country = ethnicity.homeCountry;
    const arrival =
      country === "UKR" && random.chance(0.7)
        ? dayOf(2022, 3, 1) + random.int(yearsToDays(2.8))
        : dayOf(2005, 1, 1) + random.int(REGISTER_DAY - 30 - dayOf(2005, 1, 1));
    const r = random.float();
    const shape =
      country === "UKR"
        ? r < 0.5
          ? "MOTHER_WITH_CHILDREN"
          : r < 0.8
            ? "COUPLE"
            : "SINGLE"
        : country === "IND" || country === "UZB"
          ? r < 0.7
            ? "SINGLE"
            : "COUPLE"
          : r < 0.45
            ? "COUPLE"
            : "SINGLE";
    const citizenship = { status: "FOREIGNER" as const, country };
    const adultAge = 20 + random.float() * 35;
    const firstBirth = Math.max(BIRTH_FLOOR, arrival - yearsToDays(adultAge));
    const home = this.context.addresses.newDwelling(random);
    const immigrant = (sex: Sex, birthDay: number, surname: string): Person => {
      const person = this.add(
        this.context.people.create({
          sex,
          birthDay,
          ethnicity,
          surname,
          aliveOn: Math.max(birthDay, arrival),
          birthPlace: this.context.people.foreignBirthplace(country),
          citizenship,
          registeredOn: Math.max(birthDay, arrival),
        }),
      );
      addMove(person, Math.max(birthDay, arrival), home);
      return person;
    };
    const familySurname = ethnicity.surnames.pick(random);
    if (shape === "SINGLE") {
      immigrant(
        random.chance(country === "IND" || country === "UZB" ? 0.8 : 0.5) ? "MALE" : "FEMALE",
        firstBirth,
        familySurname,
      );
      return;
    }
    const mother = immigrant("FEMALE", firstBirth, ethnicity.surnames.pick(random));
    let father: Person | null = null;
    if (shape === "COUPLE" && this.hasRoom()) {
      const husbandBirth = Math.max(BIRTH_FLOOR, firstBirth - yearsToDays(random.normal(2.5, 2)));
      father = immigrant("MALE", husbandBirth, familySurname);
      const unionDay = Math.min(arrival - 30, mother.birthDay + yearsToDays(random.normal(24, 3)));
      if (unionDay > mother.birthDay + yearsToDays(18) && unionDay > father.birthDay + yearsToDays(18)) {
        const union: Union = {
          husband: father,
          wife: mother,
          married: true,
          startDay: unionDay,
          place: this.context.people.foreignBirthplace(country).place,
          endDay: null,
        };
        this.unions.push(union);
        this.takeHusbandsName(union);
      }
    }
    // Children: born abroad before arrival, or in Latvia since.
    const wanted = random.between(shape === "MOTHER_WITH_CHILDREN" ? 1 : 0, 3);
    let birthDay = mother.birthDay + yearsToDays(22 + random.float() * 8);
    for (let i = 0; i < wanted && this.hasRoom(); i++) {
      if (birthDay > REGISTER_DAY || !aliveOn(mother, birthDay)) break;
      const sex: Sex = random.chance(0.512) ? "MALE" : "FEMALE";
      const bornHere = birthDay >= arrival;
      const child = this.add(
        this.context.people.create({
          sex,
          birthDay,
          ethnicity,
          surname: father ? father.surname : mother.surname,
          aliveOn: Math.max(birthDay, arrival),
          birthPlace: bornHere
            ? { place: this.context.addresses.townOf(home), country: "LVA" }
            : this.context.people.foreignBirthplace(country),
          citizenship,
          registeredOn: Math.max(birthDay, arrival),
        }),
      );
      addMove(child, Math.max(birthDay, arrival), home);
      this.parentLinks.push({ parent: mother, child, role: "MOTHER" });
      if (father) this.parentLinks.push({ parent: father, child, role: "FATHER" });
      birthDay += yearsToDays(1.5 + random.float() * 4);
    }
  }

  private newResident(
    sex: Sex,
    birthDay: number,
    ethnicity: Ethnicity,
    surname: string,
    alive: number,
  ): Person {
    const { people } = this.context;
    const birthPlace = people.residentBirthplace(ethnicity, birthDay);
    return this.add(
      people.create({
        sex,
        birthDay,
        ethnicity,
        surname,
        aliveOn: alive,
        ...(birthPlace ? { birthPlace } : {}),
        citizenship: people.residentCitizenship(ethnicity, birthDay),
      }),
    );
  }

  /** 0–2 homes before `until`, from age 18 on: parents' flat, a rented room, a first flat. */
  private addEarlierMoves(person: Person, from: number, until: number): void {
    const { random, addresses } = this.context;
    const count = random.int(3);
    const end = Math.min(until, person.deathDay ?? REGISTER_DAY, REGISTER_DAY);
    for (let i = 0; i < count; i++) {
      const start = Math.max(from, this.lastMoveDay(person) + 90);
      if (start >= end - 180) return;
      addMove(
        person,
        start + random.int(Math.max(1, Math.floor((end - start) / 2))),
        addresses.earlierDwelling(random),
      );
    }
  }

  private lastMoveDay(person: Person): number {
    return person.moves.at(-1)?.day ?? person.birthDay;
  }

  /** Moves into a home of one's own on `day`, if alive then. */
  private moveAlone(person: Person, day: number): void {
    if (day >= REGISTER_DAY || !aliveOn(person, day)) {
      if (person.moves.length === 0)
        addMove(person, person.birthDay, this.context.addresses.newDwelling(this.random));
      return;
    }
    addMove(person, day, this.context.addresses.newDwelling(this.random));
  }

  /**
   * From adulthood on: a first union (or none), leaving the parents' home, a single
   * household for those who never partner. `withParents` is true for children raised in the
   * cluster, whose moves so far are their mother's.
   */
  private adultLife(person: Person, withParents: boolean): void {
    const { random } = this;
    const birthYear = yearOf(person.birthDay);
    const unionAge = Math.max(18, Math.min(50, random.normal(unionAgeMean(person.sex, birthYear), 4)));
    const unionDay = person.birthDay + yearsToDays(unionAge);
    const partners = random.chance(withParents ? (birthYear >= 1990 ? 0.78 : 0.85) : 0.93);
    const forms = partners && unionDay < REGISTER_DAY && aliveOn(person, unionDay) && this.hasRoom();
    if (!withParents)
      this.addEarlierMoves(person, addYearsApprox(person.birthDay, 18), forms ? unionDay : REGISTER_DAY);
    if (withParents) {
      const leaveDay = forms
        ? unionDay
        : random.chance(0.6)
          ? person.birthDay + yearsToDays(19 + random.float() * 11)
          : null;
      if (leaveDay !== null) {
        person.moves = person.moves.filter((move) => move.day < leaveDay);
        // Students and young workers often rent before settling with a partner.
        if (forms && random.chance(0.4)) {
          const rentFrom = person.birthDay + yearsToDays(18.5 + random.float() * 3);
          if (rentFrom < leaveDay - 180)
            addMove(person, rentFrom, this.context.addresses.earlierDwelling(random));
        }
        if (!forms) this.moveAlone(person, leaveDay);
      }
    }
    if (forms) {
      this.union(person, unionDay, null);
      return;
    }
    if (!withParents)
      this.moveAlone(person, Math.max(person.birthDay + yearsToDays(20), this.lastMoveDay(person) + 200));
    // Some women raise a child without a partner.
    if (person.sex === "FEMALE" && random.chance(0.08)) {
      const birthDay = person.birthDay + yearsToDays(20 + random.float() * 18);
      for (const child of this.children(
        person,
        null,
        { married: false, startDay: birthDay, endDay: null },
        1,
      )) {
        if (ageOn(child.birthDay, REGISTER_DAY) >= 18) this.adultLife(child, true);
      }
    }
  }

  /**
   * A union of `anchor` with a new partner from outside the cluster, starting on `day`.
   * `host` is set for later unions: the new partner moves into the host's home.
   */
  private union(anchor: Person, day: number, host: Person | null): void {
    const { random } = this;
    const { addresses } = this.context;
    const partnerSex: Sex = anchor.sex === "MALE" ? "FEMALE" : "MALE";
    const gap = yearsToDays(random.normal(2.5, 3));
    let partnerBirth = anchor.sex === "MALE" ? anchor.birthDay + gap : anchor.birthDay - gap;
    partnerBirth = Math.max(BIRTH_FLOOR, Math.min(partnerBirth, day - yearsToDays(18)));
    const ethnicity = pickPartnerEthnicity(random, anchor.ethnicity);
    let surname = ethnicity.surnames.pick(random);
    for (let i = 0; i < 5 && (surname === anchor.birthSurname || surname === anchor.surname); i++) {
      surname = ethnicity.surnames.pick(random);
    }
    if (surname === anchor.birthSurname || surname === anchor.surname) {
      // No partner with a different surname turned up (small name lists): stay single.
      if (host === null) this.moveAlone(anchor, day);
      return;
    }
    const partner = this.newResident(partnerSex, partnerBirth, ethnicity, surname, day);
    if (host === null) this.addEarlierMoves(partner, addYearsApprox(partnerBirth, 18), day);
    const husband = anchor.sex === "MALE" ? anchor : partner;
    const wife = anchor.sex === "MALE" ? partner : anchor;
    const unionYear = yearOf(day);
    const married = random.chance(unionYear < 1990 ? 0.9 : unionYear < 2005 ? 0.75 : 0.6);

    // Home: the host's, or a new one; a third of couples move once more later on.
    let home: number;
    const movesLater = host === null && random.chance(0.35);
    if (host) {
      home = dwellingOn(host, day) ?? addresses.newDwelling(random);
      addMove(partner, day, home);
    } else {
      home = movesLater ? addresses.earlierDwelling(random) : addresses.newDwelling(random);
      addMove(husband, day, home);
      addMove(wife, day, home);
    }
    const union: Union = {
      husband,
      wife,
      married,
      startDay: day,
      place: addresses.townOf(home),
      endDay: null,
    };
    if (married) {
      this.unions.push(union);
      this.takeHusbandsName(union);
    }

    // Divorce or separation, while both are alive.
    const pEnd = !married ? 0.35 : unionYear < 1980 ? 0.25 : unionYear < 2000 ? 0.38 : 0.3;
    if (random.chance(pEnd)) {
      const endDay = day + yearsToDays(1.5 + random.float() * 18.5);
      if (endDay < REGISTER_DAY && aliveOn(husband, endDay) && aliveOn(wife, endDay)) union.endDay = endDay;
    }
    if (movesLater) {
      // The family's later move to the home where they live now.
      const moveDay = day + yearsToDays(1 + random.float() * 14);
      if (moveDay < (union.endDay ?? REGISTER_DAY) - 30) {
        const next = addresses.newDwelling(random);
        for (const spouse of [husband, wife]) if (aliveOn(spouse, moveDay)) addMove(spouse, moveDay, next);
      }
    }
    if (union.endDay !== null) {
      addMove(husband, union.endDay, addresses.newDwelling(random));
      if (married && wife.surname !== wife.birthSurname && random.chance(0.45)) {
        changeSurname(wife, wife.birthSurname, union.endDay, "DIVORCE");
      }
    }

    const motherYear = yearOf(wife.birthDay);
    const wanted = host ? random.int(3) : childrenWanted(random, motherYear);
    const children = this.children(wife, husband, union, wanted);

    // Later unions of the separated partners; widows and widowers stay as they are.
    if (union.endDay !== null) {
      const after = union.endDay + yearsToDays(0.5 + random.float() * 5.5);
      if (
        random.chance(0.45) &&
        ageOn(husband.birthDay, after) < 58 &&
        aliveOn(husband, after) &&
        this.hasRoom()
      ) {
        this.union(husband, after, husband);
      }
      const wifeAfter = union.endDay + yearsToDays(1 + random.float() * 6);
      if (
        random.chance(0.3) &&
        ageOn(wife.birthDay, wifeAfter) < 50 &&
        aliveOn(wife, wifeAfter) &&
        this.hasRoom()
      ) {
        this.union(wife, wifeAfter, wife);
      }
    }
    for (const child of children) {
      if (ageOn(child.birthDay, REGISTER_DAY) >= 18) this.adultLife(child, true);
    }
  }

  /**
   * Births to `mother` (and `father`, when known) from the union's start, while both are
   * alive and together, until the mother is 44.
   */
  private children(
    mother: Person,
    father: Person | null,
    union: Pick<Union, "married" | "startDay" | "endDay">,
    wanted: number,
    /** A father the register does not hold, who still gives the children his surname. */
    absentFather?: { surname: string; ethnicity: Ethnicity },
  ): Person[] {
    const { random } = this;
    const { addresses, people } = this.context;
    const born: Person[] = [];
    let birthDay = union.startDay + yearsToDays(Math.max(0.3, random.normal(1.6, 1.2)));
    const lastDay = Math.min(
      REGISTER_DAY,
      mother.birthDay + yearsToDays(44),
      mother.deathDay ?? REGISTER_DAY,
      father && father.deathDay !== null ? father.deathDay + 270 : REGISTER_DAY,
      union.endDay ?? REGISTER_DAY,
    );
    for (let i = 0; i < wanted && birthDay < lastDay && this.hasRoom(); i++) {
      const year = yearOf(birthDay);
      // The birth slump after independence (births halved between 1988 and 1998).
      const postponed = year >= 1991 && year <= 2004 && random.chance(0.3);
      if (!postponed) {
        const sex: Sex = random.chance(0.512) ? "MALE" : "FEMALE";
        const paternal = father ?? absentFather;
        const ethnicity = paternal && random.chance(0.6) ? paternal.ethnicity : mother.ethnicity;
        const surname =
          paternal && (union.married || random.chance(0.65)) ? paternal.surname : motherFamilySurname(mother);
        const home = dwellingOn(mother, birthDay) ?? addresses.newDwelling(random);
        const abroad = year >= 2004 && year <= 2019 && random.chance(0.015);
        const child = this.add(
          people.create({
            sex,
            birthDay,
            ethnicity,
            surname,
            aliveOn: birthDay,
            birthPlace: abroad
              ? people.foreignBirthplace(random.pick(["GBR", "IRL", "DEU", "NOR", "SWE"]))
              : { place: addresses.townOf(home), country: "LVA" },
            citizenship: people.residentCitizenship(ethnicity, birthDay, mother),
          }),
        );
        // A child lives with the mother: her home at birth and wherever she moves afterwards.
        child.moves = [
          { day: birthDay, dwelling: home },
          ...mother.moves.filter((move) => move.day > birthDay),
        ];
        this.parentLinks.push({ parent: mother, child, role: "MOTHER" });
        if (father && (union.married || random.chance(0.92))) {
          this.parentLinks.push({ parent: father, child, role: "FATHER" });
        }
        born.push(child);
      }
      birthDay += yearsToDays(Math.max(1.2, random.normal(3.5, 1.5)));
    }
    return born;
  }

  /** Most women take the husband's surname; some keep theirs or join both. */
  private takeHusbandsName(union: Union): void {
    const { random } = this;
    const { wife, husband } = union;
    if (husband.surname === wife.surname) return;
    const r = random.float();
    if (r < 0.82) {
      changeSurname(wife, husband.surname, union.startDay, "MARRIAGE");
    } else if (r > 0.92 && !wife.surname.includes("-") && !husband.surname.includes("-")) {
      changeSurname(wife, `${wife.surname}-${husband.surname}`, union.startDay, "MARRIAGE");
    }
  }
}

/** The surname a child of an unmarried mother gets: the mother's own family's. */
function motherFamilySurname(mother: Person): string {
  return mother.surname.includes("-") ? mother.birthSurname : mother.surname;
}

/**
 * Records the person's current name as earlier name (ending on `day`) and takes `surname`
 * (male form). `reason` says why the earlier name ended.
 */
export function changeSurname(
  person: Person,
  surname: string,
  day: number,
  reason: "MARRIAGE" | "DIVORCE" | "APPLICATION",
): void {
  if (day <= person.surnameSince) return;
  person.earlierNames.push({
    givenName: person.givenName,
    surname: surnameOf(person),
    validFrom: person.surnameSince,
    validTo: day,
    changeReason: reason,
  });
  person.surname = surname;
  person.surnameSince = day;
  person.nameChangeDays.push(day);
}

/** Inserts a move keeping the list in day order (a later move on the same day wins). */
export function addMove(person: Person, day: number, dwelling: number): void {
  const move: Move = { day, dwelling };
  let i = person.moves.length;
  while (i > 0 && (person.moves[i - 1]?.day ?? 0) > day) i--;
  person.moves.splice(i, 0, move);
}

function addYearsApprox(day: number, years: number): number {
  return day + yearsToDays(years);
}
