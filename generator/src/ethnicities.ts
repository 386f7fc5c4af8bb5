import type { Sex } from "@rnp/common";
import type { NameStyle } from "./givenNames";
import { type Random, WeightedPicker } from "./random";
import {
  BELARUSIAN_SURNAMES,
  EASTERN_SURNAMES,
  ESTONIAN_SURNAMES,
  GERMAN_SURNAMES,
  INDIAN_SURNAMES,
  JEWISH_SURNAMES,
  LATVIAN_SURNAMES,
  LITHUANIAN_SURNAMES,
  POLISH_SURNAMES,
  RUSSIAN_SURNAMES,
  UKRAINIAN_SURNAMES,
} from "./surnames";

/**
 * Ethnic nationality (tautība) as the register records it: a gendered Latvian word, plus
 * what follows from it for the generator (surnames, names, where older members were born).
 */
export interface Ethnicity {
  key: string;
  nationality: Record<Sex, string>;
  surnames: WeightedPicker<string>;
  nameStyle: NameStyle;
  /** Country (ISO alpha-3) where members born abroad were born, and whose citizens immigrants are. */
  homeCountry: string;
  /** Share of the settled population (Latvia's 2020s census proportions, rounded). */
  residentShare: number;
  /** Part of members born before 1991 who are non-citizens (Soviet-era settlers and their children). */
  nonCitizenShare: number;
  /** Part of members born before 1975 who were born abroad. */
  bornAbroadShare: number;
}

function ethnicity(
  key: string,
  male: string,
  female: string,
  surnames: readonly string[],
  nameStyle: NameStyle,
  homeCountry: string,
  residentShare: number,
  nonCitizenShare: number,
  bornAbroadShare: number,
): Ethnicity {
  return {
    key,
    nationality: { MALE: male, FEMALE: female },
    surnames: WeightedPicker.byRank(surnames, 0.6),
    nameStyle,
    homeCountry,
    residentShare,
    nonCitizenShare,
    bornAbroadShare,
  };
}

export const ETHNICITIES = {
  latvian: ethnicity("latvian", "latvietis", "latviete", LATVIAN_SURNAMES, "LATVIAN", "LVA", 63, 0, 0.01),
  russian: ethnicity("russian", "krievs", "krieviete", RUSSIAN_SURNAMES, "RUSSIAN", "RUS", 24, 0.4, 0.35),
  belarusian: ethnicity(
    "belarusian",
    "baltkrievs",
    "baltkrieviete",
    BELARUSIAN_SURNAMES,
    "RUSSIAN",
    "BLR",
    3,
    0.5,
    0.5,
  ),
  ukrainian: ethnicity(
    "ukrainian",
    "ukrainis",
    "ukrainiete",
    UKRAINIAN_SURNAMES,
    "RUSSIAN",
    "UKR",
    2.5,
    0.5,
    0.55,
  ),
  polish: ethnicity("polish", "polis", "poliete", POLISH_SURNAMES, "RUSSIAN", "POL", 2, 0.25, 0.08),
  lithuanian: ethnicity(
    "lithuanian",
    "lietuvietis",
    "lietuviete",
    LITHUANIAN_SURNAMES,
    "LITHUANIAN",
    "LTU",
    1.1,
    0.15,
    0.45,
  ),
  jewish: ethnicity("jewish", "ebrejs", "ebrejiete", JEWISH_SURNAMES, "RUSSIAN", "RUS", 0.3, 0.2, 0.3),
  roma: ethnicity("roma", "čigāns", "čigāniete", LATVIAN_SURNAMES, "LATVIAN", "LVA", 0.3, 0.05, 0),
  german: ethnicity("german", "vācietis", "vāciete", GERMAN_SURNAMES, "GERMAN", "DEU", 0.2, 0.1, 0.2),
  estonian: ethnicity(
    "estonian",
    "igaunis",
    "igauniete",
    ESTONIAN_SURNAMES,
    "LATVIAN",
    "EST",
    0.1,
    0.05,
    0.4,
  ),
  tatar: ethnicity("tatar", "tatārs", "tatāriete", EASTERN_SURNAMES, "EASTERN", "RUS", 0.1, 0.4, 0.6),
  armenian: ethnicity("armenian", "armēnis", "armēniete", EASTERN_SURNAMES, "EASTERN", "ARM", 0.1, 0.3, 0.6),
  uzbek: ethnicity("uzbek", "uzbeks", "uzbekiete", EASTERN_SURNAMES, "EASTERN", "UZB", 0.05, 0.2, 0.7),
  indian: ethnicity("indian", "indietis", "indiete", INDIAN_SURNAMES, "INDIAN", "IND", 0.02, 0, 1),
  livonian: ethnicity("livonian", "lībietis", "lībiete", LATVIAN_SURNAMES, "LATVIAN", "LVA", 0.01, 0, 0),
} satisfies Record<string, Ethnicity>;

export type EthnicityKey = keyof typeof ETHNICITIES;

const residents = new WeightedPicker(
  Object.values(ETHNICITIES).map((group) => [group as Ethnicity, group.residentShare] as const),
);

/** Ethnicity of a settled (non-immigrant) family, by Latvia's population shares. */
export function pickResidentEthnicity(random: Random): Ethnicity {
  return residents.pick(random);
}

/**
 * Immigrants of the last decades, by citizenship: Ukrainians since 2022, Russians and
 * Belarusians, EU neighbours, workers and students from Central and South Asia.
 */
const immigrants = new WeightedPicker<Ethnicity>([
  [ETHNICITIES.ukrainian, 30],
  [ETHNICITIES.russian, 30],
  [ETHNICITIES.belarusian, 8],
  [ETHNICITIES.lithuanian, 8],
  [ETHNICITIES.uzbek, 7],
  [ETHNICITIES.indian, 7],
  [ETHNICITIES.german, 5],
  [ETHNICITIES.estonian, 3],
  [ETHNICITIES.armenian, 2],
]);

export function pickImmigrantEthnicity(random: Random): Ethnicity {
  return immigrants.pick(random);
}

/** The partner's ethnicity: mostly the same group, else any (mixed Latvian–Russian marriages are common). */
export function pickPartnerEthnicity(random: Random, own: Ethnicity): Ethnicity {
  return random.chance(0.78) ? own : pickResidentEthnicity(random);
}
