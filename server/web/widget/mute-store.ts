/**
 * Participants a person muted for themselves: only their own view changes, nobody is told.
 * Kept in localStorage per Lantern server, so it survives reloads; ids are the opaque handles.
 */
export class MuteStore {
  private readonly key: string;
  private ids: Set<string>;

  constructor(server: string) {
    this.key = `lantern:muted:${server}`;
    this.ids = new Set(this.read());
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  set(id: string, muted: boolean): void {
    if (muted) this.ids.add(id);
    else this.ids.delete(id);
    try {
      localStorage.setItem(this.key, JSON.stringify([...this.ids]));
    } catch {
      // Storage may be disabled (private mode, sandboxed iframe): muting still lasts for this page.
    }
  }

  private read(): string[] {
    try {
      const value: unknown = JSON.parse(localStorage.getItem(this.key) ?? "[]");
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
    } catch {
      return [];
    }
  }
}
