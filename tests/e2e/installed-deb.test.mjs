// Installs the .deb that scripts/test.sh builds, as a user would, and starts the installed
// app: a package that lacks a file or starts a different binary fails here, not on a
// researcher's machine.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { byTestId, freshDataDir, launch, screenshot, stopDriver, targetDir } from "./support/app.mjs";

after(stopDriver);

const debDir = join(targetDir, "debug", "bundle", "deb");
const installedBinary = "/usr/bin/confab-desktop";

function run(command, args) {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  assert.equal(result.status, 0, `${command} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

// dpkg writes to the system's package database; plain `sudo` may ask for a password on
// the terminal, as scripts/common.sh's apt-get does.
function runAsRoot(command, args) {
  return process.getuid() === 0 ? run(command, args) : run("sudo", [command, ...args]);
}

/** The newest Confab .deb in the build folder, so an older version left there is not tested. */
function builtDeb() {
  const debs = existsSync(debDir) ? readdirSync(debDir).filter((f) => /^Confab_.*_amd64\.deb$/.test(f)) : [];
  assert.ok(debs.length > 0, `no Confab_*_amd64.deb in ${debDir}: build it with \`npx tauri build --debug --bundles deb\``);
  return debs.map((f) => join(debDir, f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

const hasDpkg = spawnSync("dpkg", ["--version"]).status === 0;

test("the .deb installs the app, its menu entry and icons, and the installed app starts", { skip: !hasDpkg && "no dpkg on this system" }, async () => {
  const deb = builtDeb();
  const pkg = run("dpkg-deb", ["--field", deb, "Package"]).trim();
  try {
    // dpkg -i reinstalls a package that is already there, e.g. after an interrupted run.
    runAsRoot("dpkg", ["-i", deb]);
    const files = run("dpkg-query", ["--listfiles", pkg]).split("\n");

    assert.ok(files.includes(installedBinary), `${pkg} does not own ${installedBinary}`);
    assert.ok(statSync(installedBinary).mode & 0o111, `${installedBinary} is not executable`);

    const entries = files.filter((f) => /^\/usr\/share\/applications\/[^/]+\.desktop$/.test(f));
    assert.equal(entries.length, 1, `expected one .desktop entry, got: ${entries.join(", ")}`);
    const entry = readFileSync(entries[0], "utf8");
    assert.match(entry, /^Name=Confab$/m);
    assert.match(entry, /^Exec=confab-desktop\b/m, "the menu entry must start the installed binary");
    // "Open with Confab" on a calendar file: the entry claims the type and passes the path on.
    assert.match(entry, /^Exec=confab-desktop %F$/m, "the menu entry must hand opened files to the app");
    assert.match(entry, /^MimeType=text\/calendar;$/m, "the menu entry must claim .ics files");
    const iconName = entry.match(/^Icon=(.+)$/m)?.[1];
    assert.ok(iconName, "the menu entry names no icon");

    const icons = files.filter((f) => f.startsWith("/usr/share/icons/hicolor/") && f.endsWith(`/apps/${iconName}.png`));
    for (const size of ["32x32", "128x128"]) {
      assert.ok(icons.some((f) => f.includes(`/hicolor/${size}/`)), `no ${size} icon named ${iconName}: ${icons.join(", ")}`);
    }
    for (const icon of icons) assert.ok(statSync(icon).size > 0, `${icon} is empty`);

    const browser = await launch(freshDataDir(), { application: installedBinary });
    try {
      assert.equal(await browser.getTitle(), "Confab");
      await byTestId(browser, "studies-empty").waitForDisplayed({ timeout: 15_000 });
      await screenshot(browser, "20-installed-deb");
    } finally {
      await browser.deleteSession();
    }
  } finally {
    runAsRoot("dpkg", ["-r", pkg]);
    assert.ok(!existsSync(installedBinary), `${installedBinary} is still there after dpkg -r`);
  }
});
