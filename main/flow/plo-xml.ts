/**
 * XML for PLO messages: fast-xml-parser reads the text (well-formedness checked first), and this
 * turns its output into elements that know their namespace, because a PLO message is only what it
 * claims when its MsgHead and body are in the namespaces the standard names — prefixes are free.
 */

import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One element with its resolved namespace URI and local name. */
export interface XmlElement {
  ns: string | null;
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, trimmed. */
  text: string;
}

/** Largest message accepted; real PLO messages are a few kB (attachments travel elsewhere). */
export const MAX_XML_BYTES = 5 * 1024 * 1024;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type Raw = Record<string, unknown>;

/** Parses a document; the reason says why it is not usable XML. */
export function parseXml(text: string): { ok: true; root: XmlElement } | { ok: false; reason: string } {
  if (Buffer.byteLength(text) > MAX_XML_BYTES) return { ok: false, reason: `larger than ${MAX_XML_BYTES} bytes` };
  // No DTDs: a message has no use for one, and entity expansion is how XML files attack parsers.
  if (/<!DOCTYPE/i.test(text)) return { ok: false, reason: 'bad XML: a DOCTYPE is not allowed' };
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, reason: `bad XML: ${valid.err.msg} (line ${valid.err.line})` };
  const raw = parser.parse(text) as Raw[];
  const roots = raw.map((entry) => toElement(entry, new Map())).filter((el): el is XmlElement => el !== undefined);
  if (roots.length !== 1) return { ok: false, reason: 'bad XML: expected exactly one root element' };
  return { ok: true, root: roots[0] };
}

function toElement(entry: Raw, inherited: ReadonlyMap<string, string>): XmlElement | undefined {
  const tag = Object.keys(entry).find((key) => key !== ':@' && key !== '#text');
  if (tag === undefined) return undefined;
  const rawAttrs = (entry[':@'] ?? {}) as Record<string, string>;
  const scope = new Map(inherited);
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(rawAttrs)) {
    if (key === 'xmlns') scope.set('', value);
    else if (key.startsWith('xmlns:')) scope.set(key.slice(6), value);
    else attrs[key.includes(':') ? key.slice(key.indexOf(':') + 1) : key] = String(value);
  }
  const colon = tag.indexOf(':');
  const prefix = colon < 0 ? '' : tag.slice(0, colon);
  const body = (entry[tag] ?? []) as Raw[];
  const children: XmlElement[] = [];
  let text = '';
  for (const item of body) {
    if ('#text' in item) text += String(item['#text']);
    else {
      const child = toElement(item, scope);
      if (child) children.push(child);
    }
  }
  return { ns: scope.get(prefix) ?? null, name: colon < 0 ? tag : tag.slice(colon + 1), attrs, children, text: text.trim() };
}

/** The children of `el` with this namespace and local name. */
export function childrenNamed(el: XmlElement | undefined, ns: string, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.ns === ns && c.name === name) : [];
}

/** The first child of `el` with this namespace and local name. */
export function childNamed(el: XmlElement | undefined, ns: string, name: string): XmlElement | undefined {
  return childrenNamed(el, ns, name)[0];
}

/** Follows a path of local names in one namespace. */
export function pathOf(el: XmlElement | undefined, ns: string, ...names: string[]): XmlElement | undefined {
  let at = el;
  for (const name of names) at = childNamed(at, ns, name);
  return at;
}
