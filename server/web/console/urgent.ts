/**
 * What gets a specialist's attention when something urgent arrives and what lets them act fast:
 * a short chime (Web Audio, no file to load, only when they switched the sound on), and keyboard
 * shortcuts in the focused card: A approve, R reject, K acknowledge.
 */

let audio: AudioContext | null = null;

/** Two soft tones. Browsers allow sound only after the page was used, which ticking the box is. */
export function chime(): void {
  try {
    audio ??= new AudioContext();
    const start = audio.currentTime;
    for (const [i, freq] of [660, 880].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, start + i * 0.18);
      gain.gain.exponentialRampToValueAtTime(0.2, start + i * 0.18 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.18 + 0.16);
      osc.connect(gain).connect(audio.destination);
      osc.start(start + i * 0.18);
      osc.stop(start + i * 0.18 + 0.17);
    }
  } catch {
    // No audio device or no permission: the title count still tells.
  }
}

const TYPING = new Set(["INPUT", "TEXTAREA", "SELECT"]);

/** A, R, K act on the card that holds the keyboard focus; typing in a field is never taken. */
export function installShortcuts(doc: Document): void {
  doc.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement | null;
    if (!target || TYPING.has(target.tagName) || target.isContentEditable) return;
    const key = e.key.toLowerCase();
    if (key !== "a" && key !== "r" && key !== "k") return;
    const card = target.closest("li.card");
    const button = card?.querySelector<HTMLButtonElement>(`button[data-shortcut="${key}"]:not(:disabled)`);
    if (!button) return;
    e.preventDefault();
    button.click();
  });
}
