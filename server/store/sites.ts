import type { Pool } from 'pg';

/** A website allowed to embed the form, with the origins its pages are served from. */
export interface Site {
  key: string;
  origins: string[];
}

export const SITE_KEY = /^[A-Za-z0-9][\w.-]{0,63}$/;

/**
 * `https://shop.example.com` (or http for localhost), exactly as browsers send it in `Origin`:
 * scheme, host, optional port; no path, no trailing slash. Returns the normalized origin.
 */
export function normalizeOrigin(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new RangeError(`"${input}" is not an origin such as https://shop.example.com.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RangeError(
      `"${input}": an origin starts with https:// (or http:// for local testing).`,
    );
  }
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new RangeError(`"${input}" has more than an origin: give only scheme, host and port.`);
  }
  return url.origin;
}

/** Adds a site, or adds origins to an existing one. */
export async function addSite(
  pool: Pool,
  key: string,
  origins: string[],
  now: Date,
): Promise<Site> {
  if (!SITE_KEY.test(key))
    throw new RangeError(`"${key}" is not a site key (letters, digits, . _ -; ≤ 64).`);
  const normalized = [...new Set(origins.map(normalizeOrigin))];
  const { rows } = await pool.query<Site>(
    `INSERT INTO sites (key, origins, created_at) VALUES ($1, $2, $3)
     ON CONFLICT (key) DO UPDATE SET origins = ARRAY(
       SELECT DISTINCT o FROM unnest(sites.origins || EXCLUDED.origins) AS o ORDER BY o)
     RETURNING key, origins`,
    [key, normalized, now],
  );
  return rows[0]!;
}

export async function removeSite(pool: Pool, key: string): Promise<boolean> {
  const { rowCount } = await pool.query('DELETE FROM sites WHERE key = $1', [key]);
  return rowCount === 1;
}

export async function listSites(pool: Pool): Promise<Site[]> {
  const { rows } = await pool.query<Site>('SELECT key, origins FROM sites ORDER BY key');
  return rows;
}
