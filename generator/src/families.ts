import type { Sex } from "@rnp/common";
import { ageOn, dayOf, REGISTER_DAY, yearOf, yearsToDays } from "./dates";
import {
  type Ethnicity,
  pickImmigrantEthnicity,
  pickPartnerEthnicity,
  pickResidentEthnicity,
} from "./ethnicities";
import { FamilyLife, type Union } from "./familyLife";
import { addMove, addYearsApprox, BIRTH_FLOOR, childrenWanted, unionAgeMean } from "./familyRules";
import { diedBeforeHistory } from "./lifespan";
import { aliveOn, type Person } from "./people";
import { WeightedPicker } from "./random";

export type { Cluster, FamilyContext, ParentLink, Union } from "./familyLife";
export { addMove, changeSurname } from "./familyRules";

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

/** Builds one kin cluster of a kind: a settled lineage, a single household or immigrants. */
export class ClusterBuilder extends FamilyLife {
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
    // The marriage predates the register's history, so the register holds no marriage to
    // explain a changed surname: she keeps the one she was registered with (her children
    // still carry their father's).
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
    // A widow whose marriage predates the register's history is registered under the surname
    // she carries; with no marriage on record, that is also her surname at registration.
    const person = this.newResident(sex, birthDay, ethnicity, ethnicity.surnames.pick(random), birthDay);
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
}
