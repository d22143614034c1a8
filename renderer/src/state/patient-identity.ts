/** Who is admitted, as an admission form holds it (name, initials, birth date), and what is missing before it is sent. */

/** The words a form says a missing or wrong part with (`language.t.admit`'s). */
export interface IdentityWords {
  missingName: string;
  badInitials: string;
  missingBirthDate: string;
}

export interface PatientIdentity {
  name: string;
  initials: string;
  birthDate: string | null;
}

/** Initials as a board shows them: one to four letters. */
const INITIALS = /^\p{L}{1,4}$/u;

/** What is missing or wrong in each part, in the screen's words, or null where the part is fine. */
export function identityProblems(identity: PatientIdentity, words: IdentityWords): Record<keyof PatientIdentity, string | null> {
  return {
    name: identity.name.trim() === '' ? words.missingName : null,
    initials: INITIALS.test(identity.initials.trim()) ? null : words.badInitials,
    birthDate: identity.birthDate === null ? words.missingBirthDate : null,
  };
}
