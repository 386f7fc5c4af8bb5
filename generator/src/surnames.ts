/**
 * Latvian surnames are gendered: a family carries one surname, written in the male or the
 * female form. The register stores each person's own form; the generator keeps the male
 * form as the family's surname and derives the rest with `genderedSurname`.
 */

export type Sex = "MALE" | "FEMALE";

/**
 * Surnames ending in -s whose female form ends in -e instead of -a, mostly of German
 * origin (Šmits → Šmite, Barons → Barone). Latvian usage, not a spelling rule, decides
 * these, so they are listed.
 */
const FEMININE_IN_E = new Set([
  "Aigars",
  "Bajārs",
  "Barons",
  "Bondars",
  "Gasjūns",
  "Gribusts",
  "Ķeizars",
  "Porgants",
  "Pridāns",
  "Rožkalns",
  "Seržants",
  "Šīrants",
  "Šmits",
  "Šulcs",
  "Sondors",
  "Sosārs",
  "Sukuts",
  "Teicāns",
  "Vaivads",
  "Vasils",
  "Zviedrs",
]);

/** Female form of one surname part (no hyphen). */
function feminine(male: string): string {
  if (FEMININE_IN_E.has(male)) return `${male.slice(0, -1)}e`;
  // Jansons → Jansone, Pētersons → Pētersone: Scandinavian/German -son names.
  if (male.endsWith("sons")) return `${male.slice(0, -1)}e`;
  // Ratnieks → Ratniece: the k softens before the 5th-declension -e.
  if (male.endsWith("nieks")) return `${male.slice(0, -5)}niece`;
  // Dombrovskis → Dombrovska, Novickis → Novicka: adjectival Slavic surnames.
  if (male.endsWith("skis") || male.endsWith("ckis")) return `${male.slice(0, -2)}a`;
  // Dzenis → Dzene, Lācis → Lāce, Eglītis → Eglīte, Vācietis → Vāciete.
  if (male.endsWith("is")) return `${male.slice(0, -2)}e`;
  // Bērzīts → Bērzīte, like the diminutive -ītis.
  if (male.endsWith("īts")) return `${male.slice(0, -1)}e`;
  // Bērziņš → Bērziņa.
  if (male.endsWith("š")) return `${male.slice(0, -1)}a`;
  // Butkus → Butka; a vowel before -us makes a diphthong (Blaus → Blaua, by the -s rule).
  if (/[^aeiouāēīū]us$/.test(male)) return `${male.slice(0, -2)}a`;
  // Meiers → Meiere, Valters → Valtere: German -er names take -e.
  if (male.endsWith("ers")) return `${male.slice(0, -1)}e`;
  // Ozols → Ozola, Kalējs → Kalēja, Ivanovs → Ivanova.
  if (male.endsWith("s")) return `${male.slice(0, -1)}a`;
  // Liepa, Zvaigzne, Kovaļenko: one form for both sexes.
  return male;
}

/**
 * The form of a family surname (given in its male form) for a person of `sex`.
 * Double-barrelled surnames change each part: Bērziņš-Ozols → Bērziņa-Ozola.
 */
export function genderedSurname(maleForm: string, sex: Sex): string {
  if (sex === "MALE") return maleForm;
  return maleForm.split("-").map(feminine).join("-");
}

/** Common Latvian surnames, male forms, roughly by frequency (most common first). */
export const LATVIAN_SURNAMES: readonly string[] = [
  "Bērziņš",
  "Kalniņš",
  "Ozoliņš",
  "Jansons",
  "Ozols",
  "Liepiņš",
  "Krūmiņš",
  "Balodis",
  "Eglītis",
  "Zariņš",
  "Pētersons",
  "Vītols",
  "Kļaviņš",
  "Kārkliņš",
  "Vanags",
  "Lapiņš",
  "Dzenis",
  "Lācis",
  "Kalējs",
  "Ābols",
  "Šmits",
  "Sproģis",
  "Liepa",
  "Siliņš",
  "Rozītis",
  "Cīrulis",
  "Jēkabsons",
  "Kalns",
  "Putniņš",
  "Grīnbergs",
  "Zvaigzne",
  "Strazdiņš",
  "Ābele",
  "Āboliņš",
  "Briedis",
  "Gailītis",
  "Krastiņš",
  "Vilks",
  "Priedītis",
  "Lūsis",
  "Osis",
  "Mednis",
  "Vītiņš",
  "Zālītis",
  "Rudzītis",
  "Celmiņš",
  "Riekstiņš",
  "Auziņš",
  "Lejiņš",
  "Andersons",
  "Karlsons",
  "Miķelsons",
  "Danielsons",
  "Matisons",
  "Gailis",
  "Alksnis",
  "Dreimanis",
  "Freimanis",
  "Bergmanis",
  "Lasmanis",
  "Strautmanis",
  "Zeidmanis",
  "Kulmanis",
  "Lielmanis",
  "Landmanis",
  "Birznieks",
  "Ratnieks",
  "Mucenieks",
  "Muižnieks",
  "Zvejnieks",
  "Podnieks",
  "Vecumnieks",
  "Lejnieks",
  "Kurzemnieks",
  "Sietnieks",
  "Bisenieks",
  "Pakalnietis",
  "Saulietis",
  "Vācietis",
  "Graudiņš",
  "Kauliņš",
  "Krēsliņš",
  "Laiviņš",
  "Legzdiņš",
  "Lodiņš",
  "Podziņš",
  "Salmiņš",
  "Strautiņš",
  "Tiltiņš",
  "Vītoliņš",
  "Zeltiņš",
  "Endziņš",
  "Birziņš",
  "Bīriņš",
  "Krieviņš",
  "Lapsiņš",
  "Āboltiņš",
  "Ķēniņš",
  "Pretkalniņš",
  "Cālītis",
  "Puķītis",
  "Bērzīts",
  "Arājs",
  "Kalnājs",
  "Sējējs",
  "Celms",
  "Krievs",
  "Koks",
  "Pērkons",
  "Grodums",
  "Jukums",
  "Vītums",
  "Viļums",
  "Rožkalns",
  "Barons",
  "Bondars",
  "Meiers",
  "Valters",
  "Vinters",
  "Zībers",
  "Aspers",
  "Ozers",
  "Ķeizars",
  "Seržants",
  "Vaivads",
  "Sondors",
  "Teicāns",
  "Pridāns",
  "Šteins",
  "Veinbergs",
  "Kronbergs",
  "Tālbergs",
  "Laubergs",
  "Rozenbahs",
  "Dīriķis",
  "Namiķis",
  "Jumiķis",
  "Dzirkalis",
  "Melderis",
  "Melngailis",
  "Ziemelis",
  "Tīrelis",
  "Fogelis",
  "Rubenis",
  "Runcis",
  "Pencis",
  "Krancis",
  "Līcis",
  "Sīlis",
  "Ūdris",
  "Smuģis",
  "Deģis",
  "Breņķis",
  "Kraulis",
  "Zvinelis",
  "Zviedrs",
  "Caune",
  "Niedra",
  "Skudra",
  "Sprūde",
  "Zunda",
  // Double-barrelled family names, passed on to the children (each part gendered).
  "Liepiņš-Ozols",
  "Bērziņš-Vītols",
  "Krūmiņš-Zariņš",
];

/** Russian-origin surnames as written in Latvia (male forms). */
export const RUSSIAN_SURNAMES: readonly string[] = [
  "Ivanovs",
  "Petrovs",
  "Kuzņecovs",
  "Smirnovs",
  "Popovs",
  "Sokolovs",
  "Vasiļjevs",
  "Novikovs",
  "Fjodorovs",
  "Morozovs",
  "Volkovs",
  "Aleksejevs",
  "Lebedevs",
  "Semjonovs",
  "Jegorovs",
  "Pavlovs",
  "Kozlovs",
  "Stepanovs",
  "Nikolajevs",
  "Orlovs",
  "Andrejevs",
  "Makarovs",
  "Zaharovs",
  "Zaicevs",
  "Solovjovs",
  "Borisovs",
  "Jakovļevs",
  "Grigorjevs",
  "Romanovs",
  "Vorobjovs",
  "Sergejevs",
  "Kuzmins",
  "Frolovs",
  "Aleksandrovs",
  "Dmitrijevs",
  "Koroļovs",
  "Gusevs",
  "Kiseļovs",
  "Iljins",
  "Maksimovs",
  "Poļakovs",
  "Sorokins",
  "Vinogradovs",
  "Beļajevs",
  "Tarasovs",
  "Belovs",
  "Komarovs",
  "Karpovs",
  "Vlasovs",
  "Mihailovs",
  "Tihonovs",
  "Žukovs",
  "Kalinins",
  "Širovs",
  "Logins",
];

export const BELARUSIAN_SURNAMES: readonly string[] = [
  "Kovaļonoks",
  "Sinkevičs",
  "Bogdanovičs",
  "Jakubovičs",
  "Savickis",
  "Novickis",
  "Žuks",
  "Brunkevičs",
  "Kozlovskis",
  "Lisovskis",
  "Tučs",
  "Ločs",
];

/** Ukrainian -enko and -o surnames have one form for both sexes. */
export const UKRAINIAN_SURNAMES: readonly string[] = [
  "Kovaļenko",
  "Ševčenko",
  "Bondarenko",
  "Tkačenko",
  "Kravčenko",
  "Oļiņiks",
  "Boiko",
  "Kovaļčuks",
  "Melniks",
  "Poliščuks",
  "Lisenko",
  "Marčenko",
  "Rudenko",
  "Savčenko",
  "Petrenko",
  "Pauļuks",
];

export const POLISH_SURNAMES: readonly string[] = [
  "Kozlovskis",
  "Višņevskis",
  "Vasiļevskis",
  "Kaminskis",
  "Lavrinovičs",
  "Stankevičs",
  "Jankovskis",
  "Petrovskis",
  "Zaļeskis",
  "Dombrovskis",
  "Sadovskis",
  "Romanovskis",
  "Ostrovskis",
  "Pavlovskis",
  "Latkovskis",
  "Beļavskis",
];

export const LITHUANIAN_SURNAMES: readonly string[] = [
  "Kazlausks",
  "Jankausks",
  "Petrausks",
  "Butkus",
  "Vaitkus",
  "Stankus",
  "Meškūns",
  "Gasjūns",
  "Kairis",
];

export const GERMAN_SURNAMES: readonly string[] = [
  "Millers",
  "Šmits",
  "Šneiders",
  "Fišers",
  "Vēbers",
  "Meiers",
  "Vāgners",
  "Bekers",
  "Hofmanis",
  "Šulcs",
];

export const ESTONIAN_SURNAMES: readonly string[] = ["Tamms", "Saars", "Sepps", "Kivi", "Kasks", "Rebane"];

export const JEWISH_SURNAMES: readonly string[] = [
  "Kacs",
  "Fridmans",
  "Goldbergs",
  "Rabinovičs",
  "Levins",
  "Šapiro",
  "Kogans",
];

/** Surnames of Central Asian and Caucasian families (Uzbek, Tatar, Armenian ...). */
export const EASTERN_SURNAMES: readonly string[] = [
  "Karimovs",
  "Rahimovs",
  "Jusupovs",
  "Ismailovs",
  "Abdullajevs",
  "Hasanovs",
  "Sabirovs",
  "Petrosjans",
  "Grigorjans",
  "Akopjans",
];

export const INDIAN_SURNAMES: readonly string[] = ["Kumārs", "Singhs", "Šarma", "Patels", "Gupta", "Reddijs"];
