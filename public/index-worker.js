// Paperdeck's index worker (src/load/index_worker.rs): turns the searchable texts of a
// large snapshot's papers into word ids while the page reads the records, so that
// tokenizing runs beside the reading instead of on the same thread. It runs the page's own
// wasm: the first message brings the compiled module and the URL of wasm-bindgen's glue.
// Each later message is a batch of texts (a Uint8Array), answered with its word ids; after
// an error, one message says what failed and nothing more is answered (the page then
// builds the index itself).
let bindings = null;
let failed = false;
let queue = Promise.resolve();

self.onmessage = (event) => {
  const data = event.data;
  queue = queue
    .then(async () => {
      if (failed) return;
      if (data instanceof Uint8Array) {
        const tokens = (await bindings).index_worker_tokenize(data);
        postMessage(tokens, [tokens.buffer]);
      } else {
        bindings = import(data.glue).then(async (glue) => {
          await glue.default({ module_or_path: data.module });
          return glue;
        });
        await bindings;
      }
    })
    .catch((error) => {
      failed = true;
      postMessage(`the index worker failed: ${error}`);
    });
};
