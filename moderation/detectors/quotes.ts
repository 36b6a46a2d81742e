/**
 * Finds quoted stretches of a message: words inside quotes are someone else's ("my sponsor
 * says 'the bottle wants you dead'") and do not count as the writer's crisis language.
 */

/** [start, end) ranges of the original text that sit between matching quote marks. */
export function quotedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let open = -1;
  let closer = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (open < 0) {
      const prev = i === 0 ? " " : text[i - 1]!;
      const atWordStart = prev === " " || prev === "\n" || prev === "(" || prev === ":" || prev === "\t";
      if (c === '"' || c === "“" || c === "«") {
        open = i;
        closer = c === "“" ? "”" : c === "«" ? "»" : '"';
      } else if ((c === "'" || c === "‘") && atWordStart) {
        open = i;
        closer = c === "‘" ? "’" : "'";
      }
    } else if (c === closer || (closer === "'" && c === "’")) {
      const next = text[i + 1] ?? " ";
      if (closer !== "'" || !/[a-z0-9]/i.test(next)) {
        if (i - open > 1) out.push([open, i + 1]);
        open = -1;
      }
    }
  }
  return out;
}
