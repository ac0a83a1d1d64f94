//! Architecture invariant: the core never depends on the browser. Search, validation and
//! URL state must stay testable natively and usable from the CLI.

use std::process::Command;

#[test]
fn core_has_no_web_dependencies() {
    let output = Command::new(env!("CARGO"))
        .args(["tree", "-p", "paperdeck-core", "-e", "normal,build", "--prefix", "none", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(output.status.success(), "cargo tree failed: {}", String::from_utf8_lossy(&output.stderr));
    let tree = String::from_utf8(output.stdout).unwrap();
    assert!(tree.contains("paperdeck-core"), "unexpected cargo tree output: {tree}");
    for line in tree.lines() {
        let name = line.split_whitespace().next().unwrap_or("");
        for forbidden in ["leptos", "web-sys", "js-sys", "wasm-bindgen", "gloo"] {
            assert!(
                !name.starts_with(forbidden),
                "paperdeck-core depends on {name}; the core must stay free of web crates"
            );
        }
    }
}
