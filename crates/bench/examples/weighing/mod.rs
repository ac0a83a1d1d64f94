//! What the examples that weigh a file format share (`prebuilt_index`, `binary_papers`):
//! a median time and a gzip size. Included with `#[path]`; not an example of its own.

use std::io::Write;
use std::time::Instant;

use flate2::{write::GzEncoder, Compression};

/// The median of 5 runs of `f`, in milliseconds.
pub fn median_ms(mut f: impl FnMut()) -> f64 {
    let mut runs: Vec<f64> = (0..5)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    runs.sort_by(f64::total_cmp);
    runs[2]
}

/// The size of `bytes` gzipped at level 9, as a static host would send them.
pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut gz = GzEncoder::new(Vec::new(), Compression::new(9));
    gz.write_all(bytes).expect("in memory");
    gz.finish().expect("in memory").len()
}
