/**
 * Latvian surnames are gendered: a family carries one surname, written in the male or the
 * female form. The register stores each person's own form. The rule lives here, once, for
 * the synthetic register generator (which keeps the male form as the family's surname) and
 * for the person subgraph's register changes (a child's or a spouse's surname).
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

/**
 * Male forms whose female form (`genderedSurname`) is `female`, for one surname part,
 * most likely first; the part itself last (surnames like Liepa have one form).
 */
function maleFormsOfPart(female: string): string[] {
  const stem = female.slice(0, -1);
  const candidates: string[] = [];
  if (female.endsWith("niece")) candidates.push(`${female.slice(0, -5)}nieks`);
  if (female.endsWith("ska") || female.endsWith("cka")) candidates.push(`${stem}is`);
  if (female.endsWith("e")) candidates.push(`${stem}is`, `${stem}s`);
  if (female.endsWith("a")) candidates.push(`${stem}s`, `${stem}š`, `${stem}us`, `${stem}is`);
  candidates.push(female);
  return [...new Set(candidates)].filter((male) => genderedSurname(male, "FEMALE") === female);
}

/**
 * Every male form whose female form is `female`, most regular first. Several can fit
 * (Ozola ← Ozols, Ozolš; Dombrovska ← Dombrovskis, Dombrovsks): the rule alone cannot tell
 * them apart, so a caller that knows more (which form men in the register carry) picks.
 * Empty when `female` is the female form of no surname.
 */
export function maleSurnameCandidates(female: string): string[] {
  let candidates = [""];
  for (const options of female.split("-").map(maleFormsOfPart)) {
    const next = options.length > 0 ? options : [""];
    candidates = candidates.flatMap((prefix) => next.map((part) => (prefix ? `${prefix}-${part}` : part)));
  }
  return candidates.filter((male) => male && genderedSurname(male, "FEMALE") === female);
}
