/**
 * Latvia's administrative territory after the 2021 reform, as the synthetic address
 * register's top levels: 7 state cities (valstspilsētas) with their own municipality and
 * 36 municipalities (novadi) holding towns, parishes (pagasti) and villages (ciemi).
 * Weights are rough populations in thousands; postal codes are plausible, not exact.
 */

export interface SettlementDef {
  /** Nominative name: "Sigulda", "Allaži". */
  name: string;
  kind: "CITY" | "TOWN" | "VILLAGE";
  /** Genitive parish name for villages ("Allažu" for Allažu pagasts). */
  parish?: string;
  /** First and last postal code number (LV-####) used in the settlement. */
  postal: readonly [number, number];
  weight: number;
}

export interface MunicipalityDef {
  /** "Rīga" for a state city, "Siguldas novads" for a municipality. */
  name: string;
  /** Abbreviation used in full addresses: "Siguldas nov."; the city name for state cities. */
  short: string;
  stateCity: boolean;
  /** PMLP offices that issue documents to residents. */
  offices: readonly string[];
  /** For a state city, the city itself; for a novads, its towns and villages. */
  settlements: readonly SettlementDef[];
  /** People living in named rural houses outside villages, spread over the parishes. */
  ruralWeight: number;
}

function stateCity(
  name: string,
  genitive: string,
  postal: readonly [number, number],
  weight: number,
  offices: readonly string[] = [`PMLP ${genitive} nodaļa`],
): MunicipalityDef {
  return {
    name,
    short: name,
    stateCity: true,
    offices,
    settlements: [{ name, kind: "CITY", postal, weight }],
    ruralWeight: 0,
  };
}

function novads(
  genitive: string,
  office: string,
  ruralWeight: number,
  settlements: readonly SettlementDef[],
): MunicipalityDef {
  return {
    name: `${genitive} novads`,
    short: `${genitive} nov.`,
    stateCity: false,
    offices: [`PMLP ${office} nodaļa`],
    settlements,
    ruralWeight,
  };
}

const city = (name: string, postal: number, weight: number, last = postal): SettlementDef => ({
  name,
  kind: "CITY",
  postal: [postal, last],
  weight,
});
const town = (name: string, postal: number, weight: number): SettlementDef => ({
  name,
  kind: "TOWN",
  postal: [postal, postal],
  weight,
});
const village = (name: string, parish: string, postal: number, weight: number): SettlementDef => ({
  name,
  kind: "VILLAGE",
  parish,
  postal: [postal, postal],
  weight,
});

export const MUNICIPALITIES: readonly MunicipalityDef[] = [
  stateCity("Rīga", "Rīgas", [1001, 1084], 605, [
    "PMLP Rīgas 1. nodaļa",
    "PMLP Rīgas 2. nodaļa",
    "PMLP Rīgas 3. nodaļa",
  ]),
  stateCity("Daugavpils", "Daugavpils", [5401, 5417], 79),
  stateCity("Liepāja", "Liepājas", [3401, 3416], 67),
  stateCity("Jelgava", "Jelgavas", [3001, 3008], 54),
  stateCity("Jūrmala", "Jūrmalas", [2008, 2016], 50),
  stateCity("Ventspils", "Ventspils", [3601, 3604], 33),
  stateCity("Rēzekne", "Rēzeknes", [4601, 4604], 26),
  novads("Aizkraukles", "Aizkraukles", 8, [
    town("Aizkraukle", 5101, 7.5),
    town("Jaunjelgava", 5134, 1.8),
    town("Pļaviņas", 5120, 3),
    village("Koknese", "Kokneses", 5113, 2.5),
    village("Skrīveri", "Skrīveru", 5125, 2.5),
  ]),
  novads("Alūksnes", "Alūksnes", 5, [
    town("Alūksne", 4301, 7),
    town("Ape", 4337, 0.8),
    village("Jaunalūksne", "Jaunalūksnes", 4340, 0.4),
    village("Zeltiņi", "Zeltiņu", 4330, 0.3),
  ]),
  novads("Augšdaugavas", "Daugavpils", 12, [
    town("Ilūkste", 5447, 2.2),
    town("Subate", 5471, 0.6),
    village("Špoģi", "Višķu", 5481, 1),
    village("Kalkūni", "Kalkūnes", 5449, 1.5),
    village("Naujene", "Naujenes", 5451, 1),
  ]),
  novads("Ādažu", "Rīgas 3.", 3, [
    village("Ādaži", "Ādažu", 2164, 8),
    village("Carnikava", "Carnikavas", 2163, 6),
    village("Kadaga", "Ādažu", 2103, 2),
  ]),
  novads("Balvu", "Balvu", 6, [
    town("Balvi", 4501, 6),
    town("Viļaka", 4583, 1.2),
    village("Baltinava", "Baltinavas", 4594, 0.5),
    village("Rugāji", "Rugāju", 4570, 0.5),
  ]),
  novads("Bauskas", "Bauskas", 14, [
    town("Bauska", 3901, 8.5),
    town("Iecava", 3913, 8),
    village("Vecumnieki", "Vecumnieku", 3933, 2),
    village("Pilsrundāle", "Rundāles", 3921, 0.8),
    village("Code", "Codes", 3935, 0.5),
  ]),
  novads("Cēsu", "Cēsu", 12, [
    town("Cēsis", 4101, 15),
    town("Līgatne", 4110, 1),
    village("Priekuļi", "Priekuļu", 4126, 3),
    village("Vecpiebalga", "Vecpiebalgas", 4122, 0.6),
    village("Jaunpiebalga", "Jaunpiebalgas", 4125, 0.7),
  ]),
  novads("Dienvidkurzemes", "Liepājas", 14, [
    town("Grobiņa", 3430, 3.7),
    town("Aizpute", 3456, 4),
    town("Priekule", 3434, 1.8),
    town("Pāvilosta", 3466, 0.9),
    town("Durbe", 3440, 0.5),
    village("Nīca", "Nīcas", 3473, 1),
    village("Vaiņode", "Vaiņodes", 3435, 1),
  ]),
  novads("Dobeles", "Dobeles", 10, [
    town("Dobele", 3701, 9),
    town("Auce", 3708, 2.3),
    village("Tērvete", "Tērvetes", 3730, 1),
    village("Bēne", "Bēnes", 3711, 1),
  ]),
  novads("Gulbenes", "Gulbenes", 8, [
    town("Gulbene", 4401, 7.5),
    village("Lizums", "Lizuma", 4425, 0.6),
    village("Stāmeriena", "Stāmerienas", 4406, 0.4),
  ]),
  novads("Jelgavas", "Jelgavas", 14, [
    village("Ozolnieki", "Ozolnieku", 3018, 4),
    village("Kalnciems", "Kalnciema", 3016, 1.5),
    village("Eleja", "Elejas", 3023, 1),
    village("Zaļenieki", "Zaļenieku", 3011, 0.8),
    village("Svēte", "Svētes", 3008, 1),
  ]),
  novads("Jēkabpils", "Jēkabpils", 12, [
    city("Jēkabpils", 5201, 21, 5202),
    town("Aknīste", 5208, 1),
    town("Viesīte", 5237, 1.6),
    village("Sala", "Salas", 5230, 1),
  ]),
  novads("Krāslavas", "Krāslavas", 8, [
    town("Krāslava", 5601, 7.5),
    town("Dagda", 5674, 2),
    village("Indra", "Indras", 5664, 0.8),
    village("Aglona", "Aglonas", 5304, 0.9),
  ]),
  novads("Kuldīgas", "Kuldīgas", 10, [
    town("Kuldīga", 3301, 10),
    town("Skrunda", 3326, 1.9),
    village("Alsunga", "Alsungas", 3306, 0.7),
    village("Rumba", "Rumbas", 3301, 0.8),
  ]),
  novads("Ķekavas", "Rīgas 2.", 5, [
    town("Baloži", 2128, 6.5),
    town("Baldone", 2125, 4),
    village("Ķekava", "Ķekavas", 2123, 7),
    village("Daugmale", "Daugmales", 2124, 1.5),
  ]),
  novads("Limbažu", "Limbažu", 11, [
    town("Limbaži", 4001, 7),
    town("Salacgrīva", 4033, 2.7),
    town("Aloja", 4064, 1.1),
    town("Staicele", 4043, 0.8),
    town("Ainaži", 4035, 0.7),
    village("Skulte", "Skultes", 4025, 0.8),
    village("Umurga", "Umurgas", 4022, 0.5),
  ]),
  novads("Līvānu", "Līvānu", 3, [
    town("Līvāni", 5316, 7),
    village("Rožupe", "Rožupes", 5327, 0.4),
    village("Jersika", "Jersikas", 5329, 0.3),
  ]),
  novads("Ludzas", "Ludzas", 8, [
    town("Ludza", 5701, 7.5),
    town("Kārsava", 5717, 1.8),
    town("Zilupe", 5751, 1.4),
    village("Cibla", "Ciblas", 5730, 0.4),
  ]),
  novads("Madonas", "Madonas", 14, [
    town("Madona", 4801, 7.5),
    town("Cesvaine", 4871, 2),
    town("Lubāna", 4830, 1.5),
    village("Ērgļi", "Ērgļu", 4840, 2),
    village("Barkava", "Barkavas", 4854, 0.6),
  ]),
  novads("Mārupes", "Rīgas 1.", 4, [
    village("Mārupe", "Mārupes", 2167, 14),
    village("Jaunmārupe", "Mārupes", 2166, 5),
    village("Pinki", "Babītes", 2107, 4),
    village("Babīte", "Babītes", 2101, 3),
  ]),
  novads("Ogres", "Ogres", 12, [
    city("Ogre", 5001, 24, 5004),
    town("Ikšķile", 5052, 4.5),
    town("Ķegums", 5020, 2),
    town("Lielvārde", 5070, 5),
    village("Ciemupe", "Ogresgala", 5041, 1),
    village("Madliena", "Madlienas", 5045, 0.8),
    village("Suntaži", "Suntažu", 5060, 1),
  ]),
  novads("Olaines", "Rīgas 2.", 2, [
    town("Olaine", 2114, 10.5),
    village("Jaunolaine", "Olaines", 2127, 2),
    village("Stūnīši", "Olaines", 2127, 1),
  ]),
  novads("Preiļu", "Preiļu", 7, [
    town("Preiļi", 5301, 6.5),
    village("Riebiņi", "Riebiņu", 5326, 0.8),
    village("Vārkava", "Vārkavas", 5335, 0.5),
  ]),
  novads("Rēzeknes", "Rēzeknes", 15, [
    town("Viļāni", 4650, 2.7),
    village("Malta", "Maltas", 4630, 2),
    village("Kaunata", "Kaunatas", 4622, 0.6),
  ]),
  novads("Ropažu", "Rīgas 3.", 5, [
    town("Vangaži", 2136, 3.5),
    village("Ropaži", "Ropažu", 2135, 2),
    village("Zaķumuiža", "Ropažu", 2135, 1.2),
    village("Ulbroka", "Stopiņu", 2130, 6),
    village("Saurieši", "Stopiņu", 2118, 1.5),
    village("Garkalne", "Garkalnes", 1024, 2.5),
  ]),
  novads("Salaspils", "Rīgas 2.", 1, [town("Salaspils", 2121, 18), village("Acone", "Salaspils", 2118, 0.6)]),
  novads("Saldus", "Saldus", 10, [
    town("Saldus", 3801, 10),
    town("Brocēni", 3851, 2.5),
    village("Lutriņi", "Lutriņu", 3862, 0.5),
    village("Ezere", "Ezeres", 3846, 0.6),
  ]),
  novads("Saulkrastu", "Siguldas", 1.5, [town("Saulkrasti", 2160, 5.5), village("Sēja", "Sējas", 2142, 0.6)]),
  novads("Siguldas", "Siguldas", 7, [
    town("Sigulda", 2150, 16),
    village("Allaži", "Allažu", 2154, 1.2),
    village("Inčukalns", "Inčukalna", 2141, 2.5),
    village("Krimulda", "Krimuldas", 2144, 0.8),
    village("Mālpils", "Mālpils", 2152, 1.5),
    village("More", "Mores", 4108, 0.3),
  ]),
  novads("Smiltenes", "Smiltenes", 7, [
    town("Smiltene", 4729, 5),
    village("Trapene", "Trapenes", 4348, 0.4),
    village("Palsmane", "Palsmanes", 4733, 0.4),
    village("Blome", "Blomes", 4710, 0.4),
  ]),
  novads("Talsu", "Talsu", 13, [
    town("Talsi", 3201, 9),
    town("Sabile", 3294, 1.2),
    town("Stende", 3257, 1.4),
    town("Valdemārpils", 3260, 1),
    village("Roja", "Rojas", 3264, 2.5),
    village("Mērsrags", "Mērsraga", 3284, 1.3),
    village("Dundaga", "Dundagas", 3270, 1.5),
  ]),
  novads("Tukuma", "Tukuma", 14, [
    town("Tukums", 3101, 17),
    town("Kandava", 3120, 3.5),
    village("Engure", "Engures", 3113, 1.5),
    village("Jaunpils", "Jaunpils", 3145, 1),
    village("Smārde", "Smārdes", 3129, 0.7),
  ]),
  novads("Valkas", "Valkas", 3, [
    town("Valka", 4701, 4.5),
    village("Ērģeme", "Ērģemes", 4711, 0.3),
    village("Vijciems", "Vijciema", 4712, 0.3),
  ]),
  novads("Valmieras", "Valmieras", 12, [
    city("Valmiera", 4201, 23, 4204),
    town("Rūjiena", 4240, 2.7),
    town("Mazsalaca", 4215, 1.1),
    town("Strenči", 4730, 1),
    town("Seda", 4728, 1),
    village("Kocēni", "Kocēnu", 4220, 1),
    village("Burtnieki", "Burtnieku", 4206, 0.5),
    village("Naukšēni", "Naukšēnu", 4244, 0.4),
  ]),
  novads("Varakļānu", "Rēzeknes", 1.5, [
    town("Varakļāni", 4838, 1.7),
    village("Murmastiene", "Murmastienes", 4847, 0.3),
  ]),
  novads("Ventspils", "Ventspils", 6, [
    town("Piltene", 3620, 0.9),
    village("Ugāle", "Ugāles", 3615, 1.5),
    village("Tārgale", "Tārgales", 3621, 0.5),
    village("Užava", "Užavas", 3611, 0.4),
  ]),
];

/** Street names common in towns across Latvia. */
export const TOWN_STREETS: readonly string[] = [
  "Brīvības iela",
  "Rīgas iela",
  "Skolas iela",
  "Dzirnavu iela",
  "Zemnieku iela",
  "Pils iela",
  "Baznīcas iela",
  "Dārza iela",
  "Meža iela",
  "Ezera iela",
  "Upes iela",
  "Avotu iela",
  "Lauku iela",
  "Ganību iela",
  "Parka iela",
  "Stacijas iela",
  "Jelgavas iela",
  "Raiņa iela",
  "Blaumaņa iela",
  "Krasta iela",
  "Liepu iela",
  "Bērzu iela",
  "Ozolu iela",
  "Saules iela",
  "Pļavu iela",
  "Kalna iela",
  "Jaunā iela",
  "Vecā iela",
  "Tirgus iela",
  "Ceriņu iela",
  "Ābeļu iela",
  "Smilšu iela",
  "Krišjāņa Barona iela",
  "Lielā iela",
  "Mazā iela",
  "Dzelzceļa iela",
  "Pasta iela",
  "Krišjāņa Valdemāra iela",
  "Miera iela",
  "Strēlnieku iela",
  "Sporta iela",
  "Celtnieku iela",
  "Rūpniecības iela",
  "Zvejnieku iela",
  "Jūras iela",
  "Priežu iela",
  "Egļu iela",
  "Kļavu iela",
  "Lāčplēša iela",
  "Ausekļa iela",
  "Aspazijas iela",
  "Kalēju iela",
  "Darba iela",
  "Draudzības iela",
  "Ziedu iela",
  "Rožu iela",
  "Torņa iela",
  "Skolotāju iela",
  "Ošu iela",
  "Kastaņu iela",
];

/** Names of rural homesteads ("Kalnāji"), each addressed by name instead of a street number. */
export const HOUSE_NAMES: readonly string[] = [
  "Kalnāji",
  "Jaunzemi",
  "Lejasmājas",
  "Ozoli",
  "Bērzi",
  "Priedes",
  "Pakalni",
  "Vecsētas",
  "Lejnieki",
  "Ābeles",
  "Liepas",
  "Mežmalas",
  "Upmaļi",
  "Ezermalas",
  "Dārziņi",
  "Krasti",
  "Sili",
  "Rudzi",
  "Avoti",
  "Purvmalas",
  "Zīles",
  "Cīruļi",
  "Gaiļi",
  "Lauki",
  "Pļavas",
  "Zemzari",
  "Saulītes",
  "Dzērves",
  "Kļavas",
  "Egles",
  "Griķi",
  "Ievas",
  "Ceriņi",
  "Mazsalas",
  "Jaunkalni",
  "Vecmuiža",
  "Strautiņi",
  "Rozes",
  "Vītoli",
  "Akmeņi",
];

/** Places abroad (Latvian exonyms) where residents were born, by country. */
export const FOREIGN_BIRTHPLACES: Readonly<Record<string, readonly string[]>> = {
  RUS: ["Maskava", "Sanktpēterburga", "Pleskava", "Smoļenska", "Novgoroda", "Krasnojarska", "Omska"],
  UKR: ["Kijiva", "Harkiva", "Odesa", "Ļviva", "Dņipro", "Zaporižja"],
  BLR: ["Minska", "Vitebska", "Gomeļa", "Grodņa", "Polocka"],
  LTU: ["Viļņa", "Kauņa", "Šauļi", "Panevēža", "Klaipēda"],
  POL: ["Varšava", "Krakova", "Gdaņska"],
  DEU: ["Berlīne", "Hamburga", "Minhene", "Ķelne"],
  EST: ["Tallina", "Tartu", "Pērnava"],
  ARM: ["Erevāna", "Gjumri"],
  UZB: ["Taškenta", "Samarkanda", "Buhāra"],
  IND: ["Deli", "Mumbaja", "Bengalūru", "Čennaja"],
  GBR: ["Londona", "Pīterboro", "Birmingema"],
  IRL: ["Dublina", "Korka"],
  NOR: ["Oslo", "Stavangera"],
  SWE: ["Stokholma", "Gēteborga"],
  KAZ: ["Almati", "Karaganda"],
};
