import type { Pool } from 'pg';
import { type Site, listSites } from '../store/sites';

/** How long the site list is trusted before it is read again (other replicas may change it). */
const TTL_MS = 5_000;

/**
 * The registered sites, cached: intake reads them on every request, and the table is tiny and
 * rarely written. `invalidate()` after a local change.
 */
export class SiteDirectory {
  #sites = new Map<string, Site>();
  #origins = new Set<string>();
  #loadedAt = Number.NEGATIVE_INFINITY;
  #loading: Promise<void> | undefined;

  constructor(
    readonly pool: Pool,
    readonly now: () => number = Date.now,
  ) {}

  invalidate() {
    this.#loadedAt = Number.NEGATIVE_INFINITY;
  }

  async #fresh(): Promise<void> {
    if (this.now() - this.#loadedAt < TTL_MS) return;
    this.#loading ??= listSites(this.pool)
      .then((sites) => {
        this.#sites = new Map(sites.map((s) => [s.key, s]));
        this.#origins = new Set(sites.flatMap((s) => s.origins));
        this.#loadedAt = this.now();
      })
      .finally(() => {
        this.#loading = undefined;
      });
    await this.#loading;
  }

  async get(key: string): Promise<Site | undefined> {
    await this.#fresh();
    return this.#sites.get(key);
  }

  /** Whether any site lists `origin` (preflight, and errors raised before the body is read). */
  async knowsOrigin(origin: string): Promise<boolean> {
    await this.#fresh();
    return this.#origins.has(origin);
  }
}
