import type { Sex } from "@rnp/common";
import { dayOf, REGISTER_DAY, yearsToDays } from "./dates";
import type { Random } from "./random";

/**
 * Deaths follow a Gompertz law (the hazard doubles about every 8 years of age), fitted to
 * Latvia's life tables: men die most often around 76, women around 85. The register's
 * history starts in the 1990s, so everybody generated was alive on 1 January 1995.
 */
const GOMPERTZ_GROWTH = 0.085;
const GOMPERTZ_LEVEL: Record<Sex, number> = { MALE: 1.33e-4, FEMALE: 6.2e-5 };
const HISTORY_FROM = dayOf(2021, 7, 1);
/** Accidents and illness before old age, which Gompertz underestimates. */
const EARLY_DEATH_PER_YEAR = 0.0006;

/** Cumulative hazard from birth to `age` years. */
function hazard(sex: Sex, age: number): number {
  return (GOMPERTZ_LEVEL[sex] / GOMPERTZ_GROWTH) * Math.expm1(GOMPERTZ_GROWTH * age);
}

/** Age at which the cumulative hazard reaches `h`. */
function ageAtHazard(sex: Sex, h: number): number {
  return Math.log1p((h * GOMPERTZ_GROWTH) / GOMPERTZ_LEVEL[sex]) / GOMPERTZ_GROWTH;
}

/**
 * Day of death before the register's today, or null for someone alive today, given that
 * the person was alive on `aliveOn` (a later day than birth when they are known to have
 * married or had children then).
 */
export function sampleDeathDay(random: Random, sex: Sex, birthDay: number, aliveOn: number): number | null {
  const from = Math.max(birthDay, aliveOn, HISTORY_FROM);
  if (from >= REGISTER_DAY) return null;
  const ageFrom = (from - birthDay) / 365.25;
  const ageNow = (REGISTER_DAY - birthDay) / 365.25;
  const early =
    ageNow > 18 && random.chance(EARLY_DEATH_PER_YEAR * Math.min(ageNow - Math.max(ageFrom, 18), 40));
  if (early) {
    return from + random.int(REGISTER_DAY - from);
  }
  const hFrom = hazard(sex, ageFrom);
  const hNow = hazard(sex, ageNow);
  const pDeath = 1 - Math.exp(hFrom - hNow);
  if (!random.chance(pDeath)) return null;
  // Inverse transform within [ageFrom, ageNow]: survival falls from S(ageFrom) to S(ageNow).
  const u = random.float();
  const survival = Math.exp(-hFrom) - u * (Math.exp(-hFrom) - Math.exp(-hNow));
  const age = ageAtHazard(sex, -Math.log(survival));
  return Math.min(REGISTER_DAY - 1, Math.max(from, birthDay + yearsToDays(age)));
}

/**
 * Whether someone alive on `aliveOn` died before the register's history starts, so the
 * register never knew them (their widow is in it, they are not).
 */
export function diedBeforeHistory(random: Random, sex: Sex, birthDay: number, aliveOn: number): boolean {
  if (aliveOn >= HISTORY_FROM) return false;
  const ageThen = (aliveOn - birthDay) / 365.25;
  const ageAtHistory = (HISTORY_FROM - birthDay) / 365.25;
  return random.chance(1 - Math.exp(hazard(sex, ageThen) - hazard(sex, ageAtHistory)));
}
