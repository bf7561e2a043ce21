import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component fetched after the first render (its own chunk): renders nothing until its code
 * has arrived, then renders as if imported. `preload()` starts the download early.
 */
export function later<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> & { preload(): Promise<ComponentType<P>> } {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    pending ??= load().then(
      (c) => {
        loaded = c;
        return c;
      },
      (err: unknown) => {
        pending = undefined; // a failed download (extension updated meanwhile) may be retried
        throw err;
      },
    );
    return pending;
  };
  function Later(props: P) {
    const C = useLater(preload, loaded);
    return C ? <C {...props} /> : null;
  }
  return Object.assign(Later, { preload });
}

/**
 * A module fetched after the first render, or undefined until it is here (`initial` when it
 * already is). A failed fetch leaves it undefined: the part it serves stays out.
 */
export function useLater<M>(load: () => Promise<M>, initial?: M): M | undefined {
  const [mod, setMod] = useState<M | undefined>(() => initial);
  useEffect(() => {
    if (mod !== undefined) return;
    let live = true;
    load().then(
      (m) => live && setMod(() => m),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [load]);
  return mod;
}
