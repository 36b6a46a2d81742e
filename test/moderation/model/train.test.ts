/**
 * `npm run train:moderation` is deterministic: trained again from the committed corpus and seed,
 * it reproduces the committed weights byte for byte (`--check` compares instead of writing), and
 * prints its cross-validated figures and the checksum the weights file carries.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { WEIGHTS_SHA256 } from "../../../moderation/model/weights.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));

describe("the trainer", () => {
  it("reproduces the committed weights and prints 5-fold figures", { timeout: 300_000 }, () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/train/moderation.ts", "--check"], {
      cwd: root,
      encoding: "utf8",
      timeout: 290_000,
    });
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/5-fold cross-validation/);
    expect(run.stdout).toContain("check: weights.ts matches this run");
    expect(run.stdout).toContain(`weights sha256 ${WEIGHTS_SHA256}`);
    expect(run.status).toBe(0);
  });
});
