/**
 * Cards are recognised by checksum and the way they are written, not by a list of network
 * prefixes; well-known SSNs are still SSNs when the writer says so.
 */
import { describe, expect, it } from "vitest";
import { isCard, isSsn } from "../../../../moderation/detectors/privacy/checks.ts";
import { moderate } from "../../../../moderation/index.ts";

const spans = (t: string) => moderate(t).privacy.map((p) => [p.type, t.slice(p.start, p.end)]);

describe("isCard: any network, card groupings", () => {
  it.each([
    ["contiguous 16, a prefix no list knew", "6931159622340540"],
    ["4-4-4-4 with spaces", "9797 1178 6045 4503"],
    ["4-4-4-4 with dashes", "1740-3709-6744-8242"],
    ["4-4-4-4-3, a 19-digit card", "8516 7869 9342 6484 898"],
    ["contiguous 19", "8516786993426484898"],
    ["4-6-5", "9929 006352 03400"],
    ["4-6-4", "1714 989584 9780"],
    ["contiguous 13", "7986616696533"],
    ["spaced one by one", "8 6 9 0 7 9 8 5 0 0 4 4 8 1 4 4"],
  ])("%s: %s", (_why, written) => expect(isCard(written.replace(/\D/g, ""), written)).toBe(true));

  it.each([
    ["fails Luhn", "6931159622340541"],
    ["too short", "4111 1111 111"],
    ["one repeated digit", "8888 8888 8888 8888"],
    ["no card starts with 0", "0981 1455 8827 4445"],
    ["not a card grouping", "69 311 596 223 405 40"],
    ["not a card grouping either", "693115 9622 340540"],
  ])("%s: %s", (_why, written) => expect(isCard(written.replace(/\D/g, ""), written)).toBe(false));

  it("finds a card of an unlisted network in a message", () =>
    expect(spans("pls pay w my card 2800 1685 5582 8139 exp 09/28")).toEqual([
      ["card", "2800 1685 5582 8139"],
    ]));
  it("finds a 19-digit card whole", () =>
    expect(spans("tarjeta 8516 7869 9342 6484 898")).toEqual([["card", "8516 7869 9342 6484 898"]]));
});

describe("isSsn: well-known numbers", () => {
  it("rejects well-known numbers on their own", () => {
    expect(isSsn("078051120")).toBe(false);
    expect(isSsn("123456789")).toBe(false);
  });
  it("accepts them when the writer says it is their number", () => {
    expect(isSsn("078051120", true)).toBe(true);
    expect(isSsn("123456789", true)).toBe(true);
  });
  it("keeps the SSA's structural rules even in context", () => {
    expect(isSsn("000123456", true)).toBe(false);
    expect(isSsn("666123456", true)).toBe(false);
  });

  it.each([
    ["my ssn is 078-05-1120", "078-05-1120"],
    ["my social is 123 45 6789 dont share", "123 45 6789"],
    ["mi numero de seguro social es 078051120", "078051120"],
    ["078-05-1120 is my ssn, is that bad", "078-05-1120"],
  ])("redacts a well-known number with SSN context: %j", (t, ssn) =>
    expect(spans(t)).toEqual([["ssn", ssn]]),
  );

  it("a bare well-known number stays as written", () =>
    expect(moderate("the card in the wallet said 078-05-1120").redacted).toBe(
      "the card in the wallet said 078-05-1120",
    ));
});
