import type { Sex } from "@rnp/common";
import type { AddressRegister } from "./addressRegister";
import { ageOn, REGISTER_DAY, yearOf, yearsToDays } from "./dates";
import { type Ethnicity, pickPartnerEthnicity } from "./ethnicities";
import {
  addMove,
  addYearsApprox,
  BIRTH_FLOOR,
  changeSurname,
  childrenWanted,
  motherFamilySurname,
  unionAgeMean,
} from "./familyRules";
import { aliveOn, dwellingOn, type Person, type PersonFactory } from "./people";
import type { Random } from "./random";
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

/**
 * A kin cluster's life events: residents, homes and moves, unions, children and name
 * changes. `ClusterBuilder` starts the kinds of cluster; everything after the start is here.
 */
export class FamilyLife {
  protected readonly persons: Person[] = [];
  protected readonly unions: Union[] = [];
  protected readonly parentLinks: ParentLink[] = [];

  constructor(
    protected readonly context: FamilyContext,
    /** Most persons this cluster may hold (the register's total is exact). */
    protected readonly budget: number,
  ) {}

  result(): Cluster {
    return { persons: this.persons, unions: this.unions, parentLinks: this.parentLinks };
  }

  protected hasRoom(): boolean {
    return this.persons.length < this.budget;
  }

  protected get random(): Random {
    return this.context.random;
  }

  protected add(person: Person): Person {
    this.persons.push(person);
    return person;
  }

  protected newResident(
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
  protected addEarlierMoves(person: Person, from: number, until: number): void {
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

  protected lastMoveDay(person: Person): number {
    return person.moves.at(-1)?.day ?? person.birthDay;
  }

  /** Moves into a home of one's own on `day`, if alive then. */
  protected moveAlone(person: Person, day: number): void {
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
  protected adultLife(person: Person, withParents: boolean): void {
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
  protected union(anchor: Person, day: number, host: Person | null): void {
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
  protected children(
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
  protected takeHusbandsName(union: Union): void {
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
