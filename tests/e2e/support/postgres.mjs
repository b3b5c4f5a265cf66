// The project's test PostgreSQL server (scripts/postgres.sh) for a test file: started in a
// folder of its own, stopped with the file, and stopped anyway if the run dies.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const script = join(resolve(dirname(fileURLToPath(import.meta.url)), "../../.."), "scripts/postgres.sh");

/** Starts a server; returns its folder and its superuser's URL on the maintenance database. */
export function startPostgres() {
  const dir = mkdtempSync(join(tmpdir(), "confab-e2e-postgres-"));
  const started = spawnSync("bash", [script, "start", dir, "--watch", String(process.pid)], { encoding: "utf8" });
  assert.equal(started.status, 0, `PostgreSQL did not start:\n${started.stdout}${started.stderr}`);
  const line = readFileSync(join(dir, "postgres.env"), "utf8")
    .split("\n")
    .find((l) => l.startsWith("DATABASE_URL="));
  return { dir, adminUrl: line.slice("DATABASE_URL=".length) };
}

export function stopPostgres(dir) {
  if (dir) spawnSync("bash", [script, "stop", dir]);
}

/** Starts a stopped server again, on the port its clients know (`port` of its URL). */
export function restartPostgres(dir, adminUrl) {
  const port = new URL(adminUrl).port;
  const started = spawnSync("bash", [script, "start", dir, "--watch", String(process.pid), "--port", port], { encoding: "utf8" });
  assert.equal(started.status, 0, `PostgreSQL did not start again:\n${started.stdout}${started.stderr}`);
}

/** Makes an empty database `name` on the server and returns its URL. */
export function createDatabase(adminUrl, name) {
  const made = spawnSync("psql", [adminUrl, "-v", "ON_ERROR_STOP=1", "-c", `CREATE DATABASE ${name}`], { encoding: "utf8" });
  assert.equal(made.status, 0, `CREATE DATABASE failed:\n${made.stderr}`);
  return `${adminUrl.slice(0, adminUrl.lastIndexOf("/"))}/${name}`;
}
