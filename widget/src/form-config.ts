// The organisation's categories from the server (docs/rules.md R-POLICY-4), fetched after the
// first render: the form shows the built-in list until they arrive, and keeps it offline.
import type { Catalog } from '@shared/i18n/translate';
import { addMessages } from './i18n';

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

const CODE = /^[a-z][a-z0-9_]{0,63}$/;
const asked = new Map<string, Promise<readonly string[] | undefined>>();

/** `…/api/v1/intake` → `…/api/v1/intake/form-config?site=…` */
export function formConfigUrl(endpoint: string, site: string, base = location.href): string {
  const url = new URL(`${endpoint.replace(/\/+$/, '')}/form-config`, base);
  if (site) url.searchParams.set('site', site);
  return url.href;
}

/**
 * The category codes the server's policy offers, in its order, with their names added to the
 * widget's catalogues (a server name wins over the built-in one); undefined when the server
 * cannot be reached or answers something else. One request per URL per page; a failure is
 * forgotten, so a later form tries again.
 */
export function serverCategories(
  endpoint: string,
  site: string,
  fetcher: Fetch = (u, i) => fetch(u, i),
): Promise<readonly string[] | undefined> {
  const url = formConfigUrl(endpoint, site);
  let p = asked.get(url);
  if (!p) {
    p = read(url, fetcher);
    asked.set(url, p);
    p.then((codes) => codes ?? asked.delete(url));
  }
  return p;
}

async function read(url: string, fetcher: Fetch): Promise<readonly string[] | undefined> {
  try {
    const res = await fetcher(url, { credentials: 'omit' });
    if (!res.ok) return undefined;
    const body = (await res.json()) as { categories?: unknown };
    if (!Array.isArray(body.categories)) return undefined;
    const codes: string[] = [];
    const en: Catalog = {};
    const zh: Catalog = {};
    for (const c of body.categories as { code?: unknown; labels?: Record<string, unknown> }[]) {
      if (typeof c?.code !== 'string' || !CODE.test(c.code)) continue;
      codes.push(c.code);
      const [e, z] = [c.labels?.en, c.labels?.['zh-CN']];
      if (typeof e === 'string' && e) en[`category.${c.code}`] = e;
      if (typeof z === 'string' && z) zh[`category.${c.code}`] = z;
    }
    if (codes.length === 0) return undefined;
    addMessages({ en, 'zh-CN': zh });
    return codes;
  } catch {
    return undefined; // offline: the built-in list stays
  }
}
