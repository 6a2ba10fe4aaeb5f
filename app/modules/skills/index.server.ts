/**
 * What other areas may use of skills (docs/decisions/039-area-boundaries.md). Skills sits below
 * profile, network and hiring: it imports none of them.
 */
export { verifiedSkillsOf, verifiedCondition, type VerifiedSkill } from "./verified.server";
export { removeCardsOf } from "./cards.server";
export { recordBest, rebuildBests } from "./bests.server";
export {
  candidateSettingsOf,
  rebuildMatchTerms,
  saveCandidateSettings,
  CITY_MAX,
  type CandidateSettings,
  type SaveCandidateSettings,
} from "./candidate-settings.server";
