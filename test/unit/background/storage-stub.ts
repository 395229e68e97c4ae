/**
 * The extension's storage for background tests: storage.local held in a Map (values cloned as the browser would), the
 * keys of each write recorded, so a test reads back what a content script would and counts what was written.
 */
export const store = new Map<string, unknown>();
export const writes: string[][] = [];

export const browserModule = {
  browser: {
    storage: {
      local: {
        get: async (key: string | string[]) => Object.fromEntries((Array.isArray(key) ? key : [key]).filter((k) => store.has(k)).map((k) => [k, structuredClone(store.get(k))])),
        set: async (items: Record<string, unknown>) => {
          writes.push(Object.keys(items).sort());
          for (const [k, v] of Object.entries(items)) store.set(k, structuredClone(v));
        },
      },
      session: { get: async () => ({}), set: async () => undefined },
      onChanged: { addListener: () => undefined },
    },
  },
};
