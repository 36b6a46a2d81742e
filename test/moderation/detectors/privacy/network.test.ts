/**
 * IP addresses are found whole in every common written form (compressed IPv6, zones, ports,
 * CIDR prefixes), and a link to a shared document is personal even on a big public domain.
 */
import { describe, expect, it } from "vitest";
import { moderate } from "../../../../moderation/index.ts";

const spans = (t: string) => moderate(t).privacy.map((p) => [p.type, t.slice(p.start, p.end)]);

describe("ip: written forms", () => {
  it.each([
    ["loopback", "my box answers on ::1 only", "::1"],
    ["link-local", "router shows fe80::1 for me", "fe80::1"],
    ["link-local with a zone", "try fe80::a1b2:3c4d%eth0 from home", "fe80::a1b2:3c4d%eth0"],
    ["a zone in url form", "ping fe80::9%25wlan0 pls", "fe80::9%25wlan0"],
    ["compressed documentation range", "my vps is 2001:db8::5", "2001:db8::5"],
    ["compressed, bracketed with a port", "connect to [2001:db8::5]:8443 tonight", "[2001:db8::5]:8443"],
    ["trailing compression", "my prefix starts fe80:: whatever", "fe80::"],
    ["ipv4-mapped", "logs say ::ffff:198.51.100.7 hit it", "::ffff:198.51.100.7"],
    ["v4 with a CIDR suffix", "my home net is 203.0.113.0/24", "203.0.113.0/24"],
    ["v6 with a CIDR suffix", "we got 2001:db8::/32 from the isp", "2001:db8::/32"],
    ["v4 with a port", "my minecraft server 198.51.100.14:25565 join", "198.51.100.14:25565"],
  ])("%s", (_why, text, ip) => expect(spans(text)).toEqual([["ip", ip]]));

  it.each([
    "meet at 10:30 or 11:45:10",
    "std::move is weird in c++",
    "ratio was 3:2:1 overall",
    "page 12/24 of the workbook",
    "version 1.2.3 is out",
  ])("leaves %j alone", (t) => expect(moderate(t).redacted).toBe(t));
});

describe("url: shared documents on public domains", () => {
  it.each([
    [
      "a google doc",
      "notes here docs.google.com/document/d/1xYzQw8LmN0pR/edit",
      "docs.google.com/document/d/1xYzQw8LmN0pR/edit",
    ],
    [
      "a drive file over https",
      "my journal https://drive.google.com/file/d/0BqRt7UvW/view?usp=sharing",
      "https://drive.google.com/file/d/0BqRt7UvW/view?usp=sharing",
    ],
    [
      "a google form",
      "fill my form docs.google.com/forms/d/e/1FAIpQL/viewform",
      "docs.google.com/forms/d/e/1FAIpQL/viewform",
    ],
    ["a short form link", "sign up at forms.gle/Tq9wXk2LmZ", "forms.gle/Tq9wXk2LmZ"],
    ["a private meeting", "join meet.google.com/abc-defg-hij at 8", "meet.google.com/abc-defg-hij"],
    [
      "a map of a place on google.com itself",
      "my place www.google.com/maps/place/418+Willow+Ct",
      "www.google.com/maps/place/418+Willow+Ct",
    ],
    ["a short map link", "pin is maps.app.goo.gl/Xy12Ab ok", "maps.app.goo.gl/Xy12Ab"],
    ["a dropbox share", "pics www.dropbox.com/s/k2j3h4/me.jpg", "www.dropbox.com/s/k2j3h4/me.jpg"],
  ])("%s", (_why, text, url) => expect(spans(text)).toEqual([["url", url]]));

  it.each([
    "just google.com it",
    "look it up on www.google.com/search?q=meetings",
    "call or chat at 988lifeline.org",
    "find a meeting at https://www.aa.org/find-aa",
    "samhsa.gov/find-help has a locator",
    "smartrecovery.org/meetings is good",
  ])("leaves the public site %j alone", (t) => expect(moderate(t).redacted).toBe(t));
});

describe("ip: spaced out to get past a filter", () => {
  it.each(["my ip is 198 . 51 . 100 . 12 if the mods need it", "its 203 dot 0 dot 113 dot 9 now"])(
    "redacts %j",
    (t) => expect(moderate(t).redacted).toContain("[ip]"),
  );
  it("leaves a list of numbers alone", () =>
    expect(moderate("scores were 10. 20. 30. 40 ok").redacted).toBe("scores were 10. 20. 30. 40 ok"));
});
