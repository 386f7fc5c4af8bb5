import { faker as fakerLV } from "@faker-js/faker/locale/lv";
import type { Sex } from "@rnp/common";
import { type Random, WeightedPicker } from "./random";

/**
 * Given names by naming tradition and era. Faker's Latvian lists hold many old-fashioned
 * names (Alvīne, Ādolfs); the common and modern lists below make younger people carry the
 * names of their generation.
 */

export type NameStyle = "LATVIAN" | "RUSSIAN" | "LITHUANIAN" | "GERMAN" | "EASTERN" | "INDIAN";

interface FakerFirstNames {
  male: readonly string[];
  female: readonly string[];
}

function fakerLatvianFirstNames(): FakerFirstNames {
  const names = fakerLV.rawDefinitions.person?.first_name;
  if (!names?.male?.length || !names.female?.length) {
    throw new Error("@faker-js/faker no longer ships Latvian male and female first names");
  }
  return { male: names.male, female: names.female };
}

const TRADITIONAL = fakerLatvianFirstNames();

const LATVIAN_COMMON = {
  male: [
    "Jānis",
    "Andris",
    "Mārtiņš",
    "Juris",
    "Aivars",
    "Edgars",
    "Māris",
    "Kārlis",
    "Guntis",
    "Dainis",
    "Ivars",
    "Aigars",
    "Uldis",
    "Valdis",
    "Normunds",
    "Gatis",
    "Raivis",
    "Kristaps",
    "Armands",
    "Artūrs",
    "Agris",
    "Gints",
    "Ainārs",
    "Roberts",
    "Rihards",
    "Pēteris",
    "Imants",
    "Viesturs",
    "Ansis",
    "Indulis",
    "Intars",
    "Egils",
    "Oskars",
    "Rolands",
    "Raimonds",
    "Gunārs",
    "Jurģis",
    "Ģirts",
    "Uģis",
    "Ēriks",
  ],
  female: [
    "Anna",
    "Ilze",
    "Inese",
    "Kristīne",
    "Līga",
    "Inga",
    "Sandra",
    "Dace",
    "Ieva",
    "Laura",
    "Linda",
    "Baiba",
    "Zane",
    "Evija",
    "Sanita",
    "Agita",
    "Ilona",
    "Dzintra",
    "Aija",
    "Māra",
    "Gunta",
    "Ligita",
    "Iveta",
    "Santa",
    "Marta",
    "Ināra",
    "Rita",
    "Vija",
    "Daiga",
    "Guna",
    "Jolanta",
    "Elīna",
    "Agnese",
    "Madara",
    "Signe",
    "Dārta",
    "Sarmīte",
    "Anita",
    "Solvita",
    "Ērika",
  ],
};

const LATVIAN_MODERN = {
  male: [
    "Roberts",
    "Gustavs",
    "Markuss",
    "Emīls",
    "Olivers",
    "Kārlis",
    "Daniels",
    "Jēkabs",
    "Ralfs",
    "Dāvids",
    "Adrians",
    "Renārs",
    "Patriks",
    "Tomass",
    "Rūdolfs",
    "Aleksis",
    "Miks",
    "Kristers",
    "Matīss",
    "Alekss",
    "Ričards",
    "Teodors",
    "Niklāvs",
    "Eduards",
  ],
  female: [
    "Sofija",
    "Alise",
    "Emīlija",
    "Marta",
    "Elza",
    "Anna",
    "Paula",
    "Estere",
    "Amēlija",
    "Evelīna",
    "Keita",
    "Luīze",
    "Katrīna",
    "Madara",
    "Līva",
    "Ance",
    "Gabriela",
    "Hanna",
    "Rēzija",
    "Annija",
    "Elīza",
    "Adele",
    "Laura",
    "Viktorija",
  ],
};

const RUSSIAN = {
  male: [
    "Aleksandrs",
    "Sergejs",
    "Vladimirs",
    "Andrejs",
    "Dmitrijs",
    "Igors",
    "Jevgeņijs",
    "Nikolajs",
    "Oļegs",
    "Viktors",
    "Jurijs",
    "Maksims",
    "Artjoms",
    "Ivans",
    "Mihails",
    "Aleksejs",
    "Deniss",
    "Vadims",
    "Vitālijs",
    "Romāns",
    "Konstantīns",
    "Pāvels",
    "Vladislavs",
    "Antons",
    "Valērijs",
    "Genādijs",
    "Anatolijs",
    "Ņikita",
    "Kirils",
    "Georgijs",
    "Boriss",
    "Vasilijs",
    "Staņislavs",
    "Leonīds",
    "Arkādijs",
  ],
  female: [
    "Jeļena",
    "Tatjana",
    "Natālija",
    "Svetlana",
    "Olga",
    "Irina",
    "Jekaterina",
    "Anna",
    "Marija",
    "Ludmila",
    "Galina",
    "Valentīna",
    "Oksana",
    "Anastasija",
    "Larisa",
    "Ļubova",
    "Nadežda",
    "Tamāra",
    "Viktorija",
    "Jūlija",
    "Alla",
    "Žanna",
    "Darja",
    "Sofija",
    "Valērija",
    "Alīna",
    "Kristīna",
    "Veronika",
    "Ņina",
    "Zoja",
    "Vera",
    "Margarita",
    "Diāna",
    "Polina",
    "Jana",
  ],
};

const LITHUANIAN = {
  male: ["Tomass", "Mindaugs", "Darjus", "Jons", "Vītauts", "Aļģirds", "Rimants", "Ģedimins", "Kestutis"],
  female: ["Rasa", "Aušra", "Jūrate", "Inga", "Ramune", "Daiva", "Egle", "Vilma", "Aldona"],
};

const GERMAN = {
  male: ["Tomass", "Mihaels", "Andreass", "Štefans", "Jirgens", "Klauss", "Markuss", "Frīdrihs", "Hanss"],
  female: ["Anna", "Katrīna", "Zabīne", "Julija", "Monika", "Petra", "Ursula", "Klaudija", "Sandra"],
};

const EASTERN = {
  male: ["Rustams", "Timurs", "Sardors", "Akmals", "Ruslans", "Arturs", "Rinats", "Tigrans", "Karens"],
  female: ["Dilnoza", "Gulnara", "Malika", "Ella", "Lilija", "Zarina", "Aiša", "Anaita", "Lola"],
};

const INDIAN = {
  male: ["Radžešs", "Amits", "Rahuls", "Vikrams", "Ardžuns", "Sandžajs", "Ravi", "Arjans"],
  female: ["Prija", "Ananja", "Divja", "Pūdža", "Nēha", "Kavja", "Anita", "Mīra"],
};

type Pickers = Record<Sex, WeightedPicker<string>>;

function pickers(names: { male: readonly string[]; female: readonly string[] }): Pickers {
  return { MALE: WeightedPicker.byRank(names.male), FEMALE: WeightedPicker.byRank(names.female) };
}

const latvianTraditional: Pickers = {
  MALE: new WeightedPicker(TRADITIONAL.male.map((name) => [name, 1] as const)),
  FEMALE: new WeightedPicker(TRADITIONAL.female.map((name) => [name, 1] as const)),
};
const latvianCommon = pickers(LATVIAN_COMMON);
const latvianModern = pickers(LATVIAN_MODERN);
const other: Record<Exclude<NameStyle, "LATVIAN">, Pickers> = {
  RUSSIAN: pickers(RUSSIAN),
  LITHUANIAN: pickers(LITHUANIAN),
  GERMAN: pickers(GERMAN),
  EASTERN: pickers(EASTERN),
  INDIAN: pickers(INDIAN),
};

/** A given name fitting the person's tradition and birth year. */
export function pickGivenName(random: Random, style: NameStyle, sex: Sex, birthYear: number): string {
  if (style !== "LATVIAN") return other[style][sex].pick(random);
  const r = random.float();
  if (birthYear < 1955) return (r < 0.55 ? latvianTraditional : latvianCommon)[sex].pick(random);
  if (birthYear < 1995) return (r < 0.2 ? latvianTraditional : latvianCommon)[sex].pick(random);
  return (r < 0.6 ? latvianModern : r < 0.85 ? latvianCommon : latvianTraditional)[sex].pick(random);
}
