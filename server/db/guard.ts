/** Wrap every method of a port implementation so that driver errors leave it as the port names them. */
export function guardWith(translate: (e: unknown) => unknown) {
  return <T extends object>(impl: T): T => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(impl))
      out[k] =
        typeof v === "function"
          ? async (...args: unknown[]) => {
              try {
                return await (v as (...a: unknown[]) => unknown)(...args);
              } catch (e) {
                throw translate(e);
              }
            }
          : v;
    return out as T;
  };
}
