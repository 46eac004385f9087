import { useState } from 'preact/hooks';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A list shown a page at a time: the first page as loaded, each next one appended by loadMore() (nextCursor). */
export function useMore<T>(first: Page<T>, next: (cursor: string) => Promise<Page<T>>) {
  const [items, setItems] = useState(first.items);
  const [cursor, setCursor] = useState(first.nextCursor);
  const [more, setMore] = useState<{ busy: boolean; error?: unknown }>({ busy: false });
  const loadMore = async () => {
    if (!cursor) return;
    setMore({ busy: true });
    try {
      const page = await next(cursor);
      setItems((before) => [...before, ...page.items]);
      setCursor(page.nextCursor);
      setMore({ busy: false });
    } catch (error) {
      setMore({ busy: false, error });
    }
  };
  return { items, hasMore: cursor !== null, busy: more.busy, error: more.error, loadMore };
}
