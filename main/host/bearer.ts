/** The token of an `Authorization: Bearer <token>` header (base64url-style tokens only), or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer ([A-Za-z0-9_-]{1,128})$/i.exec(header ?? '')?.[1];
}
