import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./locales/en.json";
import lv from "./locales/lv.json";

export const LANGUAGES = ["lv", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = "rnp-portal-language";

function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === "en" || stored === "lv" ? stored : "lv";
}

/** One catalogue per language; a key missing in either fails `portal/src/locales.test.ts`. */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { lv: { translation: lv }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches the language, remembers it, and tells screen readers through `<html lang>`. */
export function setLanguage(language: Language) {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

document.documentElement.lang = i18n.language;
