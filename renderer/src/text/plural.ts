/** Counted words by the language's own plural rules (Intl.PluralRules): "1 pasient", "2 pasienter". */

/** A noun's forms: `one` for what the language calls singular, `other` for the rest. */
export interface Forms {
  one: string;
  other: string;
}

const rules = new Map<string, Intl.PluralRules>();

function rulesOf(locale: string): Intl.PluralRules {
  let found = rules.get(locale);
  if (!found) {
    found = new Intl.PluralRules(locale);
    rules.set(locale, found);
  }
  return found;
}

/** The form of a noun for `n` ("pasient" for 1, "pasienter" for 0 and 2). */
export function formOf(locale: string, n: number, forms: Forms): string {
  return rulesOf(locale).select(n) === 'one' ? forms.one : forms.other;
}

/** Counts for one locale: `count(n, forms)` gives "1 enhet", "2 enheter"; `digits` formats n. */
export function counter(locale: string, digits: (n: number) => string = String) {
  return (n: number, forms: Forms): string => `${digits(n)} ${formOf(locale, n, forms)}`;
}
