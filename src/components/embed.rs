//! Embedding: the page in embed mode (cards and a compact toolbar in another site's
//! iframe) and the "Embed this view" dialog that writes the snippets.

pub mod embed_dialog;
pub mod embed_view;
