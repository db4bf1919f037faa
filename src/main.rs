//! The standalone page: mount Retrace into `<body>`.

fn main() {
    retrace::mount_to_body();
}
