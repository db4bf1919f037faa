// The other WebDAV servers teams run, each Debian's own program started from its config in
// tests/space/ on 127.0.0.1: nginx with dav-ext, lighttpd with mod_webdav, rclone serve
// webdav. With Apache and Apache + mod_deflate (apache.mjs), `everyServer` is the list the
// team-space spec runs against.
import { SpaceServer } from "./server.mjs";
import { Apache } from "./apache.mjs";

export class Nginx extends SpaceServer {
  constructor(port) {
    super("nginx with dav-ext", port);
    this.conf = this.config("nginx.conf");
    this.pidFile = `${this.run}/nginx.pid`;
  }

  begin() {
    // -e: its own error log from the first line, not Debian's /var/log/nginx.
    this.launch("/usr/sbin/nginx", ["-c", this.conf, "-e", `${this.run}/error.log`], { background: true });
  }
}

export class Lighttpd extends SpaceServer {
  constructor(port) {
    super("lighttpd with mod_webdav", port);
    this.conf = this.config("lighttpd.conf");
    this.pidFile = `${this.run}/lighttpd.pid`;
  }

  begin() {
    this.launch("/usr/sbin/lighttpd", ["-f", this.conf], { background: true });
  }
}

export class Rclone extends SpaceServer {
  constructor(port) {
    // rclone serves one folder: the space is inside the served build.
    super("rclone serve webdav", port, { spaceInDist: true });
    this.conf = this.config("rclone.conf");
  }

  get dropsToWebUser() {
    return false;
  }

  begin() {
    this.launch("/usr/bin/rclone", ["--config", this.conf, "serve", "webdav", "team:", "--addr", `127.0.0.1:${this.port}`]);
  }
}

/** One of each, on ports from `first` up. */
export function everyServer(first) {
  return [new Apache(first), new Apache(first + 1, { deflate: true }), new Nginx(first + 2), new Lighttpd(first + 3), new Rclone(first + 4)];
}
