/**
 * A value built on its first use and kept for the life of the process: the one way the reading
 * builds its index and tables, so that a turn that never reads free text never pays for them.
 */
export function lazy<T>(build: () => T): () => T {
  let value: { built: T } | undefined;
  return () => (value ??= { built: build() }).built;
}
