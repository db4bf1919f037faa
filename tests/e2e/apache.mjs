// Debian's Apache 2.4 with mod_dav, started for the team-space tests from the config in
// tests/space/apache2.conf — or apache2-deflate.conf, the same with mod_deflate compressing
// JSON: the release build (dist/) and a WebDAV folder (/space/) on one origin, 127.0.0.1 only.
// A real server, stopped and started again by the tests that need it.
import { SpaceServer } from "./server.mjs";

const APACHE = "/usr/sbin/apache2";

export class Apache extends SpaceServer {
  constructor(port, { deflate = false } = {}) {
    super(deflate ? "Apache with mod_deflate" : "Apache", port);
    const base = this.config("apache2.conf");
    this.conf = deflate ? this.config("apache2-deflate.conf", { BASE: base }) : base;
    this.pidFile = `${this.run}/apache2.pid`;
  }

  begin() {
    this.launch(APACHE, ["-f", this.conf, "-k", "start"], { background: true });
  }
}
