// Connection URLs are built from parts, never by string concatenation, so passwords with special
// characters stay correctly encoded.
export function postgresUrl(parts: {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}): string {
  const url = new URL('postgres://placeholder');
  url.hostname = parts.host;
  url.port = String(parts.port);
  url.username = encodeURIComponent(parts.user);
  url.password = encodeURIComponent(parts.password);
  url.pathname = `/${encodeURIComponent(parts.database)}`;
  return url.toString();
}

/** The same server as `url`, with another user, password and database. */
export function withCredentials(url: string, user: string, password: string, database: string): string {
  const parsed = new URL(url);
  return postgresUrl({
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user,
    password,
    database,
  });
}
