/**
 * Text a person typed, as Tavla accepts it: no NUL (it cuts strings short in C libraries, logs and
 * SQLite tools) and no bidirectional controls (they make "KN 101" read as something else on a
 * screen or in the audit log: the Trojan Source trick).
 */

// The characters are the point of this pattern: NUL and the Unicode bidirectional controls.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** What a refused text is told. */
export const UNSAFE_TEXT_MESSAGE =
  'must not contain NUL or bidirectional control characters (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C)';

/** Whether a text is free of NUL and bidirectional control characters. */
export function isSafeText(text: string): boolean {
  return !UNSAFE_CHARACTERS.test(text);
}
