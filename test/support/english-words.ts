/**
 * What must never stand on a bokmål screen: English words (server messages, browser widgets, code
 * words), ids (hex runs, uuids, "screen-…"), file paths and "hub". `careLanguageProblems` checks a
 * text (pure, so unit tests use it too); `care-language.ts` reads a page with it.
 *
 * Words that are also bokmål ("for", "to", "at", "by", "per", "and", "time", "hele", "med") are not
 * in the list; a language switch is exempt (it is marked `lang="en"`, as WCAG 3.1.2 wants).
 */

/** English words that reached, or could reach, a screen: main's messages, Chromium's widgets, states and codes. */
export const ENGLISH_WORDS = [
  // main's English messages (shared/api/result.ts `message`) and their usual words
  'the', 'is', 'not', 'free', 'bed', 'beds', 'cleaning', 'blocked', 'occupied', 'patient', 'patients',
  'unit', 'units', 'task', 'tasks', 'template', 'transfer', 'transfers', 'session', 'screen', 'locked',
  'unlock', 'wrong', 'invalid', 'input', 'unknown', 'error', 'failed', 'failure', 'cannot', 'must',
  'missing', 'required', 'expected', 'found', 'already', 'open', 'done', 'skipped', 'nothing', 'change',
  'staff', 'leader', 'nurse', 'role', 'needs', 'first', 'set', 'up', 'only', 'your', 'this', 'that',
  'with', 'from', 'into', 'there', 'has', 'have', 'been', 'was', 'are', 'of', 'on', 'in', 'or',
  'too', 'many', 'try', 'again', 'later', 'please', 'see', 'board', 'hub', 'storage', 'write', 'yet',
  'none', 'name', 'configured', 'days', 'hours', 'minutes', 'care', 'level', 'home', 'ward', 'short', 'office', 'shift',
  'offline', 'online', 'connected', 'disconnected', 'timeout', 'internal', 'conflict', 'forbidden',
  'unauthorized', 'shielded', 'discharge', 'discharged', 'admit', 'admitted', 'ready',
  // transfer states and steps as codes
  'requested', 'accepted', 'scheduled', 'declined', 'cancelled', 'completed', 'accept', 'decline',
  'schedule', 'complete', 'cancel', 'place',
  // browser widgets in a US locale, and values printed raw
  'match', 'requested format', 'mm', 'dd', 'yyyy', 'am', 'pm', 'true', 'false', 'null', 'undefined',
  'nan', 'object', 'idle', 'manual', 'loading', 'save', 'saved', 'close', 'retry', 'today', 'tomorrow',
] as const;

/** Words a bokmål screen may show although they look English: codes of the care world and names. */
const ALLOWED = new Set(['english', 'tavla', 'adl', 'pin', 'news', 'news2', 'cave', 'hlr', 'iplos', 'plo', 'it']);

/** What is wrong with a text meant for a bokmål screen; empty when nothing is. */
export function careLanguageProblems(text: string): string[] {
  const problems: string[] = [];
  const words = new Set(ENGLISH_WORDS.filter((w) => !w.includes(' ')));
  for (const match of text.matchAll(/[A-Za-zÆØÅæøå0-9]+/g)) {
    const word = match[0].toLowerCase();
    if (isInitials(text, match[0], match.index)) continue;
    if (words.has(word as (typeof ENGLISH_WORDS)[number]) && !ALLOWED.has(word)) problems.push(`English "${match[0]}" in "${around(text, match.index)}"`);
  }
  for (const phrase of ENGLISH_WORDS.filter((w) => w.includes(' '))) {
    const at = text.toLowerCase().indexOf(phrase);
    if (at >= 0) problems.push(`English "${phrase}" in "${around(text, at)}"`);
  }
  const patterns: [string, RegExp][] = [
    // a hex run of 6 or more with a digit and a letter, also glued to a word ("denneba384f")
    ['an id (hex run)', /(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{6,}/gi],
    ['an id (uuid)', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi],
    ['an id ("screen-")', /\bscreen-/gi],
    ['an id ("e2e-")', /\be2e-[0-9a-z]/gi],
    ['a file path (.md)', /\.md\b/gi],
    ['a file path', /(?:^|\s)\.{0,2}\/[\w.-]+\/|\b[\w-]+\/[\w./-]+\.(?:ts|js|json|md|db|sqlite|log|xml)\b|\bdocs\//gi],
    // "stay.admit", "session.unlock": an action code ("f.eks." has a one-letter part and passes)
    ['a code word', /\b[a-z]{2,}(?:\.[a-z]{2,})+\b/g],
    ['"hub"', /hub/gi],
  ];
  for (const [what, pattern] of patterns) {
    for (const match of text.matchAll(pattern)) problems.push(`${what} "${match[0].trim()}" in "${around(text, match.index)}"`);
  }
  return [...new Set(problems)];
}

/**
 * A patient's or carer's initials ("AM", "IS", "ON"), two or three capitals: a name, not a word. A
 * US clock's AM/PM right after a time on the same line ("2:59 PM") is still a widget's English.
 */
function isInitials(text: string, token: string, at: number): boolean {
  if (!/^[A-ZÆØÅ]{2,3}$/.test(token)) return false;
  return !(/^(AM|PM)$/.test(token) && /\d[ \t]?$/.test(text.slice(Math.max(0, at - 2), at)));
}

function around(text: string, at: number): string {
  return text.slice(Math.max(0, at - 30), at + 40).replace(/\s+/g, ' ').trim();
}
