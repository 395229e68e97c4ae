/** `storage.session` over a Map, values copied in and out as the browser stores them (structured clone). */
export function sessionArea(store: Map<string, unknown>) {
  return {
    get: async (key: string) => (store.has(key) ? { [key]: structuredClone(store.get(key)) } : {}),
    set: async (items: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(items)) store.set(k, structuredClone(v));
    },
  };
}
