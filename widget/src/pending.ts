// A flag in localStorage says whether the outbox holds anything, so a page load opens IndexedDB
// (and downloads Dexie) only when there is something to send.
const KEY = 'complaint-form:outbox';

export function hasPending(storage: () => Storage = () => localStorage): boolean {
  try {
    return storage().getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function setPending(on: boolean, storage: () => Storage = () => localStorage): void {
  try {
    if (on) storage().setItem(KEY, '1');
    else storage().removeItem(KEY);
  } catch {
    // Storage blocked (sandboxed frame, privacy mode): retries then happen only while this page
    // stays open, on `online` and on the backoff timer.
  }
}
