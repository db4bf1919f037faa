// Debian's Apache 2.4 with mod_dav, started for the team-space tests from the config in
// tests/space/apache2.conf: the release build (dist/) and a WebDAV folder (/space/) on one
// origin, 127.0.0.1 only. A real server, stopped and started again by the tests that need it.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync, chmodSync, existsSync, rmSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const APACHE = "/usr/sbin/apache2";

export class Apache {
  constructor(port) {
    this.port = port;
    // A folder of its own, readable by the server's user (mkdtemp makes 0700 folders).
    this.home = mkdtempSync(join(tmpdir(), "retrace-apache-"));
    chmodSync(this.home, 0o755);
    this.run = join(this.home, "run");
    this.space = join(this.home, "space");
    this.dist = join(this.home, "dist");
    for (const dir of [this.run, this.space]) mkdirSync(dir, { mode: 0o755 });
    cpSync(resolve(root, "dist"), this.dist, { recursive: true });
    execFileSync("chmod", ["-R", "a+rX", this.dist]);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) execFileSync("chown", ["-R", "www-data:www-data", this.space, this.run]);
    let conf = readFileSync(resolve(root, "tests/space/apache2.conf"), "utf8")
      .replaceAll("@PORT@", String(port))
      .replaceAll("@RUN@", this.run)
      .replaceAll("@SPACE@", this.space)
      .replaceAll("@DIST@", this.dist);
    // Not root: the server runs as whoever starts it.
    if (!asRoot) conf = conf.replace(/^(User|Group) .*$/gm, "");
    this.conf = join(this.home, "httpd.conf");
    writeFileSync(this.conf, conf);
    this.origin = `http://127.0.0.1:${port}`;
  }

  async start() {
    execFileSync(APACHE, ["-f", this.conf, "-k", "start"], { env: { ...process.env, APACHE_RUN_DIR: this.run } });
    await this.waitFor(true);
  }

  async stop() {
    const pidFile = join(this.run, "apache2.pid");
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, "utf8").trim());
    try {
      process.kill(pid, "SIGTERM");
    } catch {}
    await this.waitFor(false);
    for (let i = 0; i < 50 && existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
  }

  /** Waits until the server answers (or, with `up` false, until it no longer does). */
  async waitFor(up) {
    for (let i = 0; i < 100; i++) {
      const answered = await fetch(`${this.origin}/index.html`).then(() => true, () => false);
      if (answered === up) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Apache on ${this.origin} did not ${up ? "start" : "stop"}; see ${this.run}/error.log`);
  }

  /** The files in the space folder, with their text. */
  files() {
    return Object.fromEntries(readdirSync(this.space).map((name) => [name, readFileSync(join(this.space, name), "utf8")]));
  }

  /** Puts a file into the space as another program would (owned by the server's user). */
  place(name, text) {
    const file = join(this.space, name);
    writeFileSync(file, text);
    if (process.getuid?.() === 0) execFileSync("chown", ["www-data:www-data", file]);
  }

  async dispose() {
    await this.stop();
    rmSync(this.home, { recursive: true, force: true });
  }
}
