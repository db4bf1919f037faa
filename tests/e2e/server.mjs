// What every team-space server of the tests shares: a folder of its own (the release build,
// the WebDAV folder, its run files), a config from tests/space/ with its @…@ placeholders
// filled in, start and stop, and the space's files as a person opening the folder sees them.
// Each server (apache.mjs, servers.mjs) is the real Debian program, on 127.0.0.1 only.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync, chmodSync, existsSync, rmSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, "../..");
const asRoot = process.getuid?.() === 0;

export class SpaceServer {
  /**
   * `name` is how the tests say it; `port` its port; `spaceInDist`: the WebDAV folder lives
   * inside the served folder (rclone serves one folder).
   */
  constructor(name, port, { spaceInDist = false } = {}) {
    this.name = name;
    this.port = port;
    this.home = mkdtempSync(join(tmpdir(), `retrace-${name.toLowerCase().replace(/[^a-z]+/g, "-")}-`));
    // Readable by the server's user (mkdtemp makes 0700 folders).
    chmodSync(this.home, 0o755);
    this.run = join(this.home, "run");
    this.dist = join(this.home, "dist");
    this.space = spaceInDist ? join(this.dist, "space") : join(this.home, "space");
    mkdirSync(this.run, { mode: 0o755 });
    cpSync(resolve(root, "dist"), this.dist, { recursive: true });
    mkdirSync(this.space, { mode: 0o755, recursive: true });
    execFileSync("chmod", ["-R", "a+rX", this.dist]);
    this.origin = `http://127.0.0.1:${port}`;
  }

  /** Whether the server runs as the web user (its folders must then be that user's). */
  get dropsToWebUser() {
    return true;
  }

  /** tests/space/NAME with the placeholders filled in, written to the server's folder. */
  config(file, extra = {}) {
    let text = readFileSync(resolve(root, "tests/space", file), "utf8")
      .replaceAll("@PORT@", String(this.port))
      .replaceAll("@RUN@", this.run)
      .replaceAll("@SPACE@", this.space)
      .replaceAll("@DIST@", this.dist)
      .replaceAll("@ROOT@", this.dist);
    for (const [key, value] of Object.entries(extra)) text = text.replaceAll(`@${key}@`, value);
    // Not root: the server runs as whoever starts it.
    if (!asRoot) text = text.replace(/^\s*(User|Group|user|server\.username|server\.groupname)\b.*$/gm, "");
    const path = join(this.home, file);
    writeFileSync(path, text);
    return path;
  }

  /** The folders the server writes into belong to its user. */
  own() {
    if (asRoot && this.dropsToWebUser) execFileSync("chown", ["-R", "www-data:www-data", this.space, this.run]);
  }

  /** Starts a program that puts itself in the background, or one kept as a child. */
  launch(program, args, { background = false } = {}) {
    if (background) {
      execFileSync(program, args, { stdio: "pipe" });
      return;
    }
    this.child = spawn(program, args, { stdio: ["ignore", "ignore", "pipe"] });
    this.child.stderr.on("data", (d) => (this.log = `${this.log ?? ""}${d}`.slice(-4000)));
  }

  async start() {
    this.own();
    this.begin();
    await this.waitFor(true);
  }

  async stop() {
    if (this.child) {
      const child = this.child;
      this.child = null;
      child.kill("SIGTERM");
    } else if (this.pidFile && existsSync(this.pidFile)) {
      const pid = Number(readFileSync(this.pidFile, "utf8").trim());
      try {
        process.kill(pid, "SIGTERM");
      } catch {}
    }
    await this.waitFor(false);
    for (let i = 0; i < 50 && this.pidFile && existsSync(this.pidFile); i++) await new Promise((r) => setTimeout(r, 100));
  }

  /** Waits until the server answers (or, with `up` false, until it no longer does). */
  async waitFor(up) {
    for (let i = 0; i < 100; i++) {
      const answered = await fetch(`${this.origin}/index.html`).then(() => true, () => false);
      if (answered === up) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${this.name} on ${this.origin} did not ${up ? "start" : "stop"}; see ${this.run}${this.log ? `\n${this.log}` : ""}`);
  }

  /** The files in the space folder, with their text. */
  files() {
    return Object.fromEntries(readdirSync(this.space).map((name) => [name, readFileSync(join(this.space, name), "utf8")]));
  }

  /** Puts a file into the space as another program would (owned by the server's user). */
  place(name, text) {
    const file = join(this.space, name);
    writeFileSync(file, text);
    if (asRoot && this.dropsToWebUser) execFileSync("chown", ["www-data:www-data", file]);
  }

  async dispose() {
    await this.stop();
    rmSync(this.home, { recursive: true, force: true });
  }
}
