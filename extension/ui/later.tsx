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
    const [C, setC] = useState(() => loaded);
    useEffect(() => {
      if (C) return;
      let live = true;
      preload().then(
        (c) => live && setC(() => c),
        () => undefined,
      );
      return () => {
        live = false;
      };
    }, []);
    return C ? <C {...props} /> : null;
  }
  return Object.assign(Later, { preload });
}
