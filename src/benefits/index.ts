/**
 * Benefit clauses: extraction (./extract), eligibility (./eligibility),
 * listing (./filter), entitlement answers (./answer) and the API schemas.
 */

export { extractBenefits, type BenefitCorpus } from "./extract";
export { benefitAnswer, type BenefitAnswer } from "./answer";
export { findEligible, type EligibilityMatch, type EligibilityProfile } from "./eligibility";
export { filterBenefits, type BenefitFilter } from "./filter";
export * from "./types";
