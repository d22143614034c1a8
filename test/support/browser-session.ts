/** A browser's part in a sign-in, with fetch: cookies per origin, redirects followed one by one. */

/** A cookie jar and the requests a browser would make with it. */
export class BrowserSession {
  private readonly jar = new Map<string, Map<string, string>>();
  /** Every URL visited, in order (redirects too). */
  readonly visited: string[] = [];
  /** Every Set-Cookie line received, as sent (the test checks their attributes). */
  readonly setCookies: string[] = [];

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name);
  }

  /** One request with this browser's cookies; no redirect followed. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const cookies = [...(this.jar.get(target.origin) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
    const headers = new Headers(init.headers);
    if (cookies) headers.set('cookie', cookies);
    this.visited.push(target.href);
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      this.setCookies.push(line);
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair.trim().split('=');
      const store = this.jar.get(target.origin) ?? new Map<string, string>();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value.join('=') === '') store.delete(name);
      else store.set(name, value.join('='));
      this.jar.set(target.origin, store);
    }
    return response;
  }

  /** Follows redirects from `url` until a page answers; returns it and its URL. */
  async follow(url: string, init: RequestInit = {}): Promise<{ response: Response; url: string }> {
    let current = url;
    let response = await this.request(current, init);
    for (let hops = 0; response.status >= 300 && response.status < 400 && hops < 10; hops += 1) {
      current = new URL(response.headers.get('location') ?? '/', current).href;
      response = await this.request(current);
    }
    return { response, url: current };
  }
}
