/**
 * Character folding tables used by the normalizer. Data, not logic: add a row to fold a new
 * look-alike. Keys are single code points; values are the Latin letters they imitate.
 */

/** Cyrillic and Greek letters that look like Latin ones (after lower-casing). */
export const HOMOGLYPHS: Readonly<Record<string, string>> = {
  // Cyrillic
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  ѕ: "s",
  і: "i",
  ї: "i",
  ј: "j",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  һ: "h",
  ӏ: "l",
  ү: "y",
  ɡ: "g",
  // Greek
  α: "a",
  β: "b",
  ε: "e",
  η: "n",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
  ω: "w",
  ς: "s",
  σ: "o",
  μ: "u",
  γ: "y",
  λ: "l",
  // Latin look-alikes NFKD leaves alone
  ı: "i",
  ł: "l",
  ø: "o",
  đ: "d",
  ħ: "h",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ŀ: "l",
};

/** Digits and symbols that stand for letters inside words ("k1ll", "m0rir", "$uicide"). */
export const LEET: Readonly<Record<string, string>> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "8": "b",
  "9": "g",
  "@": "a",
  $: "s",
  "!": "i",
  "|": "l",
  "+": "t",
  "€": "e",
};

/** Separators allowed between letters that someone split apart ("k.i.l.l", "s-u-i-c-i-d-e"). */
export const SPLIT_SEPARATORS = new Set([" ", ".", "-", "_", "*", "·", "/", "~", ",", "+"]);

/**
 * Code points removed before matching: every Default_Ignorable_Code_Point (zero-width and joiner
 * characters, soft hyphen, bidi controls, variation selectors, Hangul fillers, tag characters,
 * musical-symbol formatting, ...) by Unicode property, not by a hand list, and unpaired UTF-16
 * surrogates. Combining marks are removed separately (they carry accents we also drop).
 */
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
const BMP = new Uint8Array(0x10000);
for (let cp = 0x80; cp < 0x10000; cp++)
  if ((cp >= 0xd800 && cp <= 0xdfff) || IGNORABLE.test(String.fromCharCode(cp))) BMP[cp] = 1;

/** True for a code point (as `codePointAt` gives it, so a lone surrogate too) that matching ignores. */
export function isInvisible(cp: number): boolean {
  return cp < 0x10000 ? BMP[cp] === 1 : IGNORABLE.test(String.fromCodePoint(cp));
}

/** Lone UTF-16 surrogates become U+FFFD, so stored and echoed text is valid UTF-8. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDFFF]/gu, "\uFFFD");
}
