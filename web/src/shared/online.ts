/**
 * Whether the API can be reached: the browser's own flag, corrected by what requests find (a fetch that fails with a
 * TypeError means the network, not the server, let us down; any answer means we are back).
 */
import { useEffect, useState } from 'preact/hooks';

type Listener = (online: boolean) => void;

let online = typeof navigator === 'undefined' ? true : navigator.onLine;
const listeners = new Set<Listener>();

export function setOnline(value: boolean): void {
  if (value === online) return;
  online = value;
  for (const listener of listeners) listener(online);
}

export const isOnline = (): boolean => online;

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => setOnline(true));
  window.addEventListener('offline', () => setOnline(false));
}

/** The current state, re-rendering the caller when it changes. */
export function useOnline(): boolean {
  const [value, setValue] = useState(online);
  useEffect(() => {
    listeners.add(setValue);
    setValue(online);
    return () => void listeners.delete(setValue);
  }, []);
  return value;
}
