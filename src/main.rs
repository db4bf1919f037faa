//! The page entry point: Retrace mounts itself (see `retrace::app::start`).

fn main() {
    retrace::app::start();
}
