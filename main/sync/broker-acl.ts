/**
 * Mosquitto's ACL file as `tavla provision` writes it (`user <identity>`, then `topic read|write|readwrite
 * <pattern>` lines), read so the embedded broker enforces the very same walls.
 */

/** What one identity may read (subscribe to) and write (publish on). */
export interface Grants {
  read: string[];
  write: string[];
}

/** Parses the ACL; anything else than user and topic lines (other than comments) is refused. */
export function parseAcl(text: string): Map<string, Grants> {
  const acl = new Map<string, Grants>();
  let current: Grants | undefined;
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [keyword, first, second] = line.split(/\s+/);
    if (keyword === 'user' && first && !second) {
      current = acl.get(first) ?? { read: [], write: [] };
      acl.set(first, current);
    } else if (keyword === 'topic' && current && first && second && ['read', 'write', 'readwrite'].includes(first)) {
      if (first !== 'write') current.read.push(second);
      if (first !== 'read') current.write.push(second);
    } else {
      throw new Error(`ACL line ${index + 1} is not one Tavla writes: ${line}`);
    }
  }
  return acl;
}

/** Whether `identity` may publish on `topic`. */
export function mayPublish(acl: Map<string, Grants>, identity: string, topic: string): boolean {
  return (acl.get(identity)?.write ?? []).some((pattern) => covers(pattern, topic));
}

/** Whether every topic `filter` can match lies inside what `identity` may read. */
export function maySubscribe(acl: Map<string, Grants>, identity: string, filter: string): boolean {
  return (acl.get(identity)?.read ?? []).some((pattern) => covers(pattern, filter));
}

/** A pattern covers a topic or filter when each level is matched; a filter's wildcards only by wildcards. */
function covers(pattern: string, filter: string): boolean {
  const want = pattern.split('/');
  const have = filter.split('/');
  for (let i = 0; i < want.length; i += 1) {
    if (want[i] === '#') return true;
    if (i >= have.length || have[i] === '#') return false;
    if (want[i] === '+') continue;
    if (have[i] === '+' || want[i] !== have[i]) return false;
  }
  return want.length === have.length;
}
