// The project's test mail stack (OpenSMTPD and Dovecot on loopback) for a test file: started
// in a folder of its own, stopped with the file, and stopped anyway if the run dies.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const script = join(resolve(dirname(fileURLToPath(import.meta.url)), "../../.."), "scripts/mail-stack.sh");

/**
 * Starts a stack (with `["--oauth"]`, also its OAuth server); returns its folder and the ports,
 * users and OAuth settings of its `stack.env`.
 */
export function startMailStack(options = []) {
  const dir = mkdtempSync(join(tmpdir(), "confab-e2e-mail-"));
  const started = spawnSync("bash", [script, "start", dir, ...options, "--watch", String(process.pid)], {
    encoding: "utf8",
  });
  assert.equal(started.status, 0, `the mail stack did not start:\n${started.stdout}${started.stderr}`);
  const env = Object.fromEntries(
    readFileSync(join(dir, "stack.env"), "utf8")
      .trim()
      .split("\n")
      .map((line) => line.split("=", 2)),
  );
  return { dir, env };
}

export function stopMailStack(dir) {
  if (dir) spawnSync("bash", [script, "stop", dir]);
}
