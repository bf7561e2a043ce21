import { Dexie, type EntityTable } from 'dexie';

/**
 * The team token, in the extension origin's IndexedDB: extension pages and the background can
 * open it, content scripts cannot (they run in the web page's origin), whereas they can read
 * `browser.storage.local`. Each saved token gets a new random `ref`; storage.local keeps only
 * the ref, so a change of token still reaches `storage.onChanged` listeners.
 */
class TokenDb extends Dexie {
  tokens!: EntityTable<{ ref: string; token: string }, 'ref'>;
  constructor() {
    super('complaint-desk-secrets');
    this.version(1).stores({ tokens: 'ref' });
  }
}

let db: TokenDb | undefined;
const open = () => {
  db ??= new TokenDb();
  return db;
};

/** Stores `token` under `ref` (a new random one unless given) and drops every other token. */
export async function putToken(token: string, ref: string = crypto.randomUUID()): Promise<string> {
  const tokens = open().tokens;
  await open().transaction('rw', tokens, async () => {
    await tokens.where('ref').notEqual(ref).delete();
    await tokens.put({ ref, token });
  });
  return ref;
}

export async function getToken(ref: string): Promise<string | undefined> {
  return (await open().tokens.get(ref))?.token;
}

export async function clearTokens(): Promise<void> {
  await open().tokens.clear();
}
