/** The few pages the leader addresses answer themselves, in bokmål: refused, signed out, failed. */

import type { ServerResponse } from 'node:http';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Sends a small page with a heading, a paragraph and, when given, one link onwards. */
export function sendPage(
  res: ServerResponse,
  status: number,
  page: { title: string; text: string; link?: { href: string; label: string }; post?: { action: string; label: string } },
  headers: Record<string, string | string[]> = {},
): void {
  const link = page.link ? `<p><a href="${escape(page.link.href)}">${escape(page.link.label)}</a></p>` : '';
  const form = page.post ? `<form method="post" action="${escape(page.post.action)}"><button type="submit">${escape(page.post.label)}</button></form>` : '';
  const html = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>${escape(page.title)} – Tavla</title>
<style>body{font:1.25rem/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}a{color:#0b4f8a}button{font:inherit;min-height:44px;padding:0 1.25rem}</style></head>
<body><main><h1>${escape(page.title)}</h1><p>${escape(page.text)}</p>${form}${link}</main></body></html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    ...headers,
  });
  res.end(html);
}

/** Sends a redirect. */
export function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}, status = 302): void {
  res.writeHead(status, { location, 'cache-control': 'no-store', ...headers });
  res.end();
}
