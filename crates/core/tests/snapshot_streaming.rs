//! Reading a snapshot chunk by chunk as it downloads (`SnapshotReader`) gives exactly what
//! reading the whole text gives (`parse_snapshot`): the same papers, problems, notes and
//! errors, wherever the chunks are cut.

use paperdeck_core::{
    decode_url, parse_snapshot, Catalog, CatalogLoader, LoadedSnapshot, SnapshotError, SnapshotReader,
    SortOrder, TextTokenizer, ValueFacet, ViewState,
};
use proptest::prelude::*;
use serde_json::{json, Value};

/// `bytes` read in chunks of `size` bytes (the last one shorter).
fn read_in_chunks(bytes: &[u8], size: usize) -> Result<LoadedSnapshot, SnapshotError> {
    let mut reader = SnapshotReader::default();
    for chunk in bytes.chunks(size.max(1)) {
        reader.push(chunk);
    }
    assert_eq!(reader.bytes_read(), bytes.len());
    reader.finish()
}

/// `bytes` read in chunks of `size` bytes by a reader that forgets read records at every
/// chance; `None` when it asks for the whole text again.
fn read_forgetting(bytes: &[u8], size: usize) -> Option<Result<LoadedSnapshot, SnapshotError>> {
    let mut reader = SnapshotReader::forgetful_after(0);
    for chunk in bytes.chunks(size.max(1)) {
        reader.push(chunk);
    }
    assert_eq!(reader.bytes_read(), bytes.len());
    let forgot = reader.bytes_kept() < bytes.len();
    let read = reader.finish_or_read_again().map(|(read, _)| read);
    assert!(read.is_some() || forgot, "asks for the text again only when it forgot some");
    read
}

/// Every chunk size up to 9 bytes, some larger ones, and the whole text at once; a
/// forgetful reader gives the same or asks for the text again.
fn same_as_whole(bytes: &[u8]) {
    let whole = parse_snapshot(&String::from_utf8_lossy(bytes));
    for size in (1..10).chain([13, 64, 1000, bytes.len()]) {
        let text = String::from_utf8_lossy(bytes);
        assert_eq!(read_in_chunks(bytes, size), whole, "chunks of {size} bytes of {text:?}");
        if let Some(read) = read_forgetting(bytes, size) {
            assert_eq!(read, whole, "forgetting, chunks of {size} bytes of {text:?}");
        }
    }
}

const HEAD: &str = r#""format":"paperdeck-snapshot","version":1"#;

fn valid(id: &str) -> String {
    format!(r#"{{"id":"{id}","title":"Paper {id}","author_count":1,"published":"2024"}}"#)
}

#[test]
fn the_bundled_snapshot_reads_the_same_in_chunks() {
    let text = include_str!("../../../public/papers.json");
    let whole = parse_snapshot(text).expect("bundled");
    assert_eq!(whole.snapshot.papers.len(), 77);
    for size in [1, 7, 4096, 65536] {
        assert_eq!(read_in_chunks(text.as_bytes(), size).expect("bundled"), whole);
    }
}

#[test]
fn records_are_read_as_soon_as_they_have_arrived() {
    let text = format!(r#"{{{HEAD},"papers":[{}, {},{}]}}"#, valid("a"), valid("b"), valid("c"));
    let second_ends = text.find(r#"{"id":"c""#).unwrap() - 1;
    let mut reader = SnapshotReader::default();
    reader.push(&text.as_bytes()[..second_ends]);
    // The comma after a record closes it; the last waits for the `]`.
    assert_eq!(reader.records_read(), 1);
    reader.push(&text.as_bytes()[second_ends..second_ends + 1]);
    assert_eq!(reader.records_read(), 2);
    reader.push(&text.as_bytes()[second_ends + 1..]);
    assert_eq!(reader.records_read(), 3);
    let loaded = reader.finish().expect("a snapshot");
    let ids: Vec<&str> = loaded.snapshot.papers.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
}

#[test]
fn record_problems_and_repeated_ids_are_reported_as_in_a_whole_read() {
    let text = format!(
        r#"{{"papers":[{}, 7, {{"id":"b","title":""}}, {}, "text", null, {}], "title":"Lab", "highlight_authors":[1,"A. B"]}}"#,
        valid("a"),
        valid("a"),
        r#"{"id":"c","title":"<script>x</script>","author_count":"2","published":"2024-13","links":{"pdf":"javascript:alert(1)"}}"#
    );
    let whole = parse_snapshot(&text).expect("a snapshot");
    assert!(!whole.problems.is_empty() && !whole.notes.is_empty());
    same_as_whole(text.as_bytes());
}

#[test]
fn fields_around_the_array_in_any_order_are_read() {
    for text in [
        format!(r#"{{"papers":[{}],{HEAD},"title":"After"}}"#, valid("a")),
        format!(
            r#"  {{ "title" : "Before" , {HEAD} , "papers" : [ {} , {} ] , "x-ext" : {{"papers":[1]}} }}  "#,
            valid("a"),
            valid("b")
        ),
        format!(r#"{{"x":["papers",[1,2]],"y":{{"papers":[{{}}]}},{HEAD},"papers":[]}}"#),
        format!(r#"{{{HEAD},"papers":[{}],"sources":["arxiv:au:X",7]}}"#, valid("q\\\"uote")),
    ] {
        same_as_whole(text.as_bytes());
    }
}

#[test]
fn texts_that_are_not_snapshots_give_the_same_errors() {
    let a = valid("a");
    for text in [
        String::new(),
        "   ".to_string(),
        "[]".to_string(),
        format!("[{a}]"),
        format!(r#"{{{HEAD},"papers":[{a}]}} x"#),
        format!(r#"{{{HEAD},"papers":[{a}]}}{{}}"#),
        format!(r#"{{{HEAD},"papers":[{a},]}}"#),
        format!(r#"{{{HEAD},"papers":[,{a}]}}"#),
        format!(r#"{{{HEAD},"papers":[{a},,{a}]}}"#),
        format!(r#"{{{HEAD},"papers":[{a}}}"#),
        format!(r#"{{{HEAD},"papers":[{a}]"#),
        format!(r#"{{{HEAD},"papers":[{a}"#),
        format!(r#"{{{HEAD},"papers":[{a} {a}]}}"#),
        format!("{{{HEAD},\"papers\":[{a}\x0c]}}"),
        format!(r#"{{{HEAD},"papers":{{"a":[{a}]}}}}"#),
        format!(r#"{{{HEAD},"papers":"[]"}}"#),
        format!(r#"{{{HEAD}}}"#),
        format!(r#"{{"format":"bibtex","papers":[{a}]}}"#),
        format!(r#"{{{HEAD},"papers":[{{"id":"a",}}]}}"#),
        format!(r#"{{{HEAD},"papers":[{{"id":"a\x"}}]}}"#),
        format!(r#"{{{HEAD},"papers":[{{"id":"a\ud800"}}]}}"#),
        format!(r#"{{{HEAD},"papers":[{a}],}}"#),
        format!("\u{feff}{{{HEAD},\"papers\":[{a}]}}"),
        format!(r#"{{{HEAD},"papers":[:{a}]}}"#),
        format!(r#"{{{HEAD},"papers":[{a},:{a}]}}"#),
        format!(r#"{{{HEAD},"papers":[{a}:]}}"#),
        format!(r#"{{{HEAD},"papers":[:]}}"#),
        format!(r#"{{{HEAD},"papers":[ : ]}}"#),
        format!(r#"{{{HEAD},"papers":[{a}, "x": 1]}}"#),
    ] {
        same_as_whole(text.as_bytes());
    }
}

#[test]
fn a_repeated_or_escaped_papers_key_is_read_as_a_whole_read_does() {
    let (a, b) = (valid("a"), valid("b"));
    for text in [
        format!(r#"{{{HEAD},"papers":[{a}],"papers":[{b}]}}"#),
        format!(r#"{{{HEAD},"pap\u0065rs":[{a}]}}"#),
        format!(r#"{{{HEAD},"papers":[{a}],"pap\u0065rs":[{b}]}}"#),
        format!(r#"{{{HEAD},"\"papers":[{a}],"papers":[{b}]}}"#),
    ] {
        same_as_whole(text.as_bytes());
    }
}

#[test]
fn invalid_utf8_is_replaced_as_in_a_whole_read() {
    let mut bytes = format!(r#"{{{HEAD},"papers":[{},{{"id":"b","title":"Bad "#, valid("a")).into_bytes();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    bytes.extend_from_slice(br#" bytes","author_count":1}]}"#);
    let loaded = read_in_chunks(&bytes, 5).expect("a snapshot");
    assert_eq!(loaded.snapshot.papers[1].title, "Bad \u{fffd}\u{fffd} bytes");
    same_as_whole(&bytes);
    // A character cut between two chunks is whole again in the record.
    let text = format!(r#"{{{HEAD},"papers":[{{"id":"w","title":"Wölflein ﬁ 𝔘","author_count":1}}]}}"#);
    same_as_whole(text.as_bytes());
}

#[test]
fn a_record_nested_too_deeply_costs_only_itself_in_chunks_too() {
    let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
    let text = format!(
        r#"{{{HEAD},"x-deep":{deep},"papers":[{},{{"id":"d","title":"D","author_count":1,"tags":{deep}}},{{"id":"u","title":"U","author_count":1,"x":{deep}}}]}}"#,
        valid("a")
    );
    let whole = parse_snapshot(&text).expect("a snapshot");
    // Too deep in a field of the format costs the record; in another field, nothing.
    assert_eq!(whole.snapshot.papers.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["a", "u"]);
    assert_eq!(whole.skipped(), 1);
    same_as_whole(text.as_bytes());
    // Too deep, and not JSON further on: the syntax error wins, as in the whole read.
    let broken = text.replace(r#""tags":["#, r#""tags":[,"#);
    assert!(matches!(parse_snapshot(&broken), Err(SnapshotError::Json { .. })));
    same_as_whole(broken.as_bytes());
}

/// A record of any shape: valid, of wrong types, hostile, or not an object.
fn record() -> impl Strategy<Value = Value> {
    let text =
        prop_oneof![Just("<b>x</b>".to_string()), Just("a\"b\\c".to_string()), "\\PC{0,12}", any::<String>()];
    prop_oneof![
        6 => ("[a-d]", text.clone(), 0u32..4, prop::option::of("20[12][0-9]")).prop_map(|(id, title, n, date)| {
            json!({"id": id, "title": title, "author_count": n, "published": date, "links": {"pdf": "https://x.org/a"}})
        }),
        1 => text.prop_map(Value::String),
        1 => Just(json!([1, {"id": "[]"}, "]"])),
        1 => Just(Value::Null),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn generated_snapshots_read_the_same_in_any_chunks(
        records in prop::collection::vec(record(), 0..8),
        pretty in any::<bool>(),
        size in 1usize..40,
    ) {
        let snapshot = json!({"format": "paperdeck-snapshot", "version": 1, "papers": records, "title": "T"});
        let text = if pretty { serde_json::to_string_pretty(&snapshot) } else { serde_json::to_string(&snapshot) }.unwrap();
        prop_assert_eq!(read_in_chunks(text.as_bytes(), size), parse_snapshot(&text));
        // A snapshot as written never needs a second read, though every record is forgotten.
        prop_assert_eq!(read_forgetting(text.as_bytes(), size), Some(parse_snapshot(&text)));
    }

    #[test]
    fn arbitrary_text_reads_the_same_in_any_chunks(text in any::<String>(), size in 1usize..16) {
        prop_assert_eq!(read_in_chunks(text.as_bytes(), size), parse_snapshot(&text));
        if let Some(read) = read_forgetting(text.as_bytes(), size) {
            prop_assert_eq!(read, parse_snapshot(&text));
        }
    }

    #[test]
    fn snapshots_cut_short_or_spliced_read_the_same(
        records in prop::collection::vec(record(), 1..5),
        cut in any::<prop::sample::Index>(),
        junk in prop_oneof![Just(",".to_string()), Just("]".to_string()), Just("}".to_string()), Just("\"".to_string()), Just("\\".to_string()), "\\PC{0,3}"],
        size in 1usize..20,
    ) {
        let text = json!({"format": "paperdeck-snapshot", "version": 1, "papers": records}).to_string();
        let at = cut.index(text.len() + 1);
        let mut bytes = text.as_bytes()[..at].to_vec();
        bytes.extend_from_slice(junk.as_bytes());
        bytes.extend_from_slice(&text.as_bytes()[at..]);
        let whole = parse_snapshot(&String::from_utf8_lossy(&bytes));
        prop_assert_eq!(read_in_chunks(&bytes, size), whole.clone());
        if let Some(read) = read_forgetting(&bytes, size) {
            prop_assert_eq!(read, whole);
        }
    }
}

/// A forgetful reader keeps the text around the array and the record being read, not the
/// records it has read; a late record that is not JSON makes it ask for the text again,
/// and the whole read then says where.
#[test]
fn a_forgetful_reader_keeps_little_and_asks_again_for_a_broken_text() {
    let records: Vec<String> = (0..4000).map(|i| valid(&format!("p{i}"))).collect();
    let text = format!("{{{HEAD},\"papers\":[{}],\"title\":\"T\"}}", records.join(",\n"));
    let mut reader = SnapshotReader::forgetful_after(64 << 10);
    let mut most = 0;
    for chunk in text.as_bytes().chunks(16 << 10) {
        reader.push(chunk);
        most = most.max(reader.bytes_kept());
    }
    assert!(text.len() > 250_000 && most < 100_000, "kept at most {most} of {} bytes", text.len());
    assert_eq!(reader.finish_or_read_again().map(|(read, _)| read), Some(parse_snapshot(&text)));

    let broken = text.replacen("\"p3900\",", "\"p3900\" ", 1);
    let mut reader = SnapshotReader::forgetful_after(64 << 10);
    for chunk in broken.as_bytes().chunks(16 << 10) {
        reader.push(chunk);
    }
    assert!(reader.finish_or_read_again().is_none());
    let Err(SnapshotError::Json { line, .. }) = parse_snapshot(&broken) else { panic!("not JSON") };
    assert_eq!(line, 3901);

    let mut loader = CatalogLoader::forgetful_after(0, 64 << 10);
    for chunk in text.as_bytes().chunks(16 << 10) {
        loader.push(chunk);
    }
    let loaded = loader.finish_or_read_again().expect("read in one go").expect("a snapshot");
    assert_eq!(loaded.catalog.len(), 4000);
}

/// Views whose answers show the whole catalog: matching, every order, facets, groups.
fn probe_views() -> Vec<ViewState> {
    let queries = ["", "lora", "model", "\"large language\"", "dif", "-the", "zzzzq", "Paper"];
    let mut views = Vec::new();
    for q in queries {
        for (i, order) in SortOrder::ALL.into_iter().enumerate() {
            let (view, _) = decode_url(if i % 2 == 0 { "group=year" } else { "" });
            views.push(ViewState { query: q.to_string(), sort: Some(order), ..view });
        }
    }
    views
}

/// A catalog loaded chunk by chunk answers every probe as the catalog of the whole text.
fn loads_the_same(bytes: &[u8], size: usize) {
    let mut loader = CatalogLoader::default();
    let mut forgetting = CatalogLoader::forgetful_after(0, 0);
    for chunk in bytes.chunks(size) {
        loader.push(chunk);
        forgetting.push(chunk);
    }
    let whole = parse_snapshot(&String::from_utf8_lossy(bytes));
    for come_back in [ComeBack::AtOnce, ComeBack::AfterTheLast, ComeBack::NotAll, ComeBack::GoneAfterOne] {
        indexed_elsewhere_loads_the_same(bytes, size, come_back, &whole);
    }
    // Forgetting read records changes nothing but the memory held.
    match forgetting.finish_or_read_again() {
        Some(Err(e)) => assert_eq!(Err(&e), whole.as_ref()),
        Some(Ok(forgot)) => {
            let whole = whole.as_ref().expect("a snapshot");
            assert_eq!((&forgot.problems, &forgot.notes), (&whole.problems, &whole.notes));
            assert_eq!(forgot.catalog.snapshot, Catalog::new(whole.snapshot.clone()).snapshot);
            for view in probe_views() {
                assert_eq!(forgot.catalog.search(&view), Catalog::new(whole.snapshot.clone()).search(&view));
            }
        }
        None => {}
    }
    match (loader.finish(), whole) {
        (Ok(loaded), Ok(whole)) => {
            assert_eq!(
                (&loaded.problems, &loaded.notes, loaded.skipped),
                (&whole.problems, &whole.notes, whole.skipped())
            );
            let catalog = Catalog::new(whole.snapshot);
            assert_eq!(loaded.catalog.snapshot, catalog.snapshot);
            for view in probe_views() {
                assert_eq!(loaded.catalog.search(&view), catalog.search(&view), "{view:?}");
                let result = catalog.search(&view);
                for facet in ValueFacet::ALL {
                    for needle in ["", "do"] {
                        assert_eq!(
                            loaded.catalog.facet_entries(facet, &view, &result, needle, 20),
                            catalog.facet_entries(facet, &view, &result, needle, 20)
                        );
                    }
                }
            }
        }
        (Err(loaded), Err(whole)) => assert_eq!(loaded, whole),
        (loaded, whole) => panic!(
            "loaded {:?}, whole {:?}",
            loaded.map(|l| l.catalog.len()),
            whole.map(|w| w.snapshot.papers.len())
        ),
    }
}

/// A catalog whose papers were tokenized by a [`TextTokenizer`] (their word ids coming
/// back as the chunks are read, or only after the last, or some not at all) answers as the
/// catalog of the whole text.
fn indexed_elsewhere_loads_the_same(
    bytes: &[u8],
    size: usize,
    come_back: ComeBack,
    whole: &Result<LoadedSnapshot, SnapshotError>,
) {
    let mut loader = CatalogLoader::forgetful_indexing_elsewhere(bytes.len());
    let mut tokenizer = TextTokenizer::new();
    let mut on_the_way = Vec::new();
    let mut gone = false;
    for chunk in bytes.chunks(size) {
        loader.push(chunk);
        // As the app does: a chunk that completes no paper sends nothing.
        let texts = loader.take_texts();
        if texts.is_empty() {
            continue;
        }
        let tokens = tokenizer.tokenize(&texts).expect("texts the tokenizer reads");
        match come_back {
            ComeBack::AtOnce => loader.add_tokenized(&tokens).expect("tokens"),
            ComeBack::AfterTheLast | ComeBack::NotAll => on_the_way.push(tokens),
            // The first batch is answered late: by then the loader has given up on the
            // tokenizer and tokenizes everything itself, so the answer is refused.
            ComeBack::GoneAfterOne => {
                loader.tokenize_here();
                assert!(loader.add_tokenized(&tokens).is_err(), "an answer after the switch");
                assert!(loader.take_texts().is_empty(), "no texts once tokenizing here");
                gone = true;
            }
        }
    }
    // The last batch never comes back.
    let lost = match come_back {
        ComeBack::NotAll => on_the_way.pop(),
        _ => None,
    };
    let Some(read) = loader.read_or_read_again() else { return };
    let awaiting = match read {
        Err(e) => return assert_eq!(Err(&e), whole.as_ref()),
        Ok(awaiting) => awaiting,
    };
    let whole = whole.as_ref().expect("a snapshot");
    let expected = Catalog::new(whole.snapshot.clone());
    // Shown before its index, as the app shows a large snapshot's first view: a view that
    // does not search is answered in full; one that does is answered without its search,
    // and says so.
    let (loaded, mut index) = awaiting.before_index();
    assert!(!loaded.catalog.has_index());
    // The probes, and a search with filters and one for papers like the first.
    let mut views = probe_views();
    views.push(decode_url("q=model&from=2024-03&has=code&sort=oldest").0);
    if let Some(first) = expected.papers().first() {
        views.push(ViewState { related: Some(first.id.clone()), ..decode_url("group=year").0 });
    }
    for view in &views {
        let early = loaded.catalog.search(view);
        assert_eq!(early.awaiting_index, view.needs_index(), "{view:?}");
        match view.needs_index() {
            false => assert_eq!(early, expected.search(view), "{view:?}"),
            true => {
                let unsearched = ViewState { query: String::new(), related: None, ..view.clone() };
                assert_eq!(early.ids, expected.search(&unsearched).ids, "{view:?}");
                assert!(early.suggestions.is_empty());
            }
        }
    }
    if !expected.is_empty() {
        assert_eq!(loaded.catalog.related(0, 5), Vec::<u32>::new(), "no related papers before the index");
    }
    // Refused when the text was read again as a whole: that catalog tokenized it itself.
    for tokens in on_the_way {
        let _ = index.add_tokenized(&tokens);
    }
    match lost {
        Some(_) => assert!(!index.words_from_elsewhere(), "a lost batch went unnoticed"),
        None => assert_eq!(index.tokenized(), loaded.catalog.len()),
    }
    if gone {
        assert!(!index.words_from_elsewhere(), "tokenized here from the second batch");
    }
    index.finish(&loaded.catalog);
    assert!(loaded.catalog.has_index());
    assert_eq!(loaded.catalog.index(), expected.index());
    assert_eq!((&loaded.problems, &loaded.notes), (&whole.problems, &whole.notes));
    assert_eq!(loaded.catalog.snapshot, expected.snapshot);
    for view in &views {
        assert_eq!(loaded.catalog.search(view), expected.search(view));
    }
    if !expected.is_empty() {
        assert_eq!(loaded.catalog.related(0, 5), expected.related(0, 5));
    }
}

/// When the word ids of [`indexed_elsewhere_loads_the_same`] come back.
#[derive(Clone, Copy, PartialEq)]
enum ComeBack {
    AtOnce,
    AfterTheLast,
    /// The last batch never does (the worker failed): the index is built from the papers.
    NotAll,
    /// The first batch's answer comes after the loader has switched to tokenizing the
    /// papers itself.
    GoneAfterOne,
}

#[test]
fn a_catalog_loaded_in_chunks_answers_as_one_built_from_the_whole_text() {
    let bundled = include_str!("../../../public/papers.json").as_bytes();
    for size in [1000, 65536] {
        loads_the_same(bundled, size);
    }
    let lab = format!(
        r#"{{{HEAD},"highlight_authors":["Doe, Jane"],"papers":[{{"id":"a","title":"LoRA adapters","authors":["Jane Doe","B. Roe"],"tags":["nlp"],"venue":"ICML","published":"2024-05"}},{{"id":"b","title":"Diffusion","authors":["J. Doe"],"tags":["vision","nlp"],"published":"2023"}},7]}}"#
    );
    for size in [1, 5, 64] {
        loads_the_same(lab.as_bytes(), size);
    }
    // Read again as a whole (a second `papers`): its papers, not the first array's.
    let twice = format!(
        r#"{{{HEAD},"papers":[{}],"papers":[{{"id":"a","title":"Other title","author_count":2}}]}}"#,
        valid("a")
    );
    loads_the_same(twice.as_bytes(), 7);
    loads_the_same(b"{\"papers\": 5}", 3);
}

/// The index finished for a catalog shown before it is that catalog's: given another
/// catalog, it builds that one's from its own papers, and a catalog keeps its first index.
#[test]
fn an_index_to_finish_indexes_the_catalog_it_is_given() {
    let before_index = |text: &str| {
        let mut loader = CatalogLoader::default();
        loader.push(text.as_bytes());
        loader.read_or_read_again().expect("kept text").expect("a snapshot").before_index()
    };
    let bundled = include_str!("../../../public/papers.json");
    let lab = format!(
        r#"{{{HEAD},"papers":[{{"id":"a","title":"LoRA adapters","authors":["Jane Doe"],"published":"2024-05"}}]}}"#
    );
    let (big, big_index) = before_index(bundled);
    let (small, small_index) = before_index(&lab);
    big_index.finish(&small.catalog);
    let expected = Catalog::new(small.catalog.snapshot.clone());
    assert_eq!(small.catalog.index(), expected.index());
    small_index.finish(&small.catalog);
    assert_eq!(small.catalog.index(), expected.index());
    let lora = ViewState { query: "lora".into(), ..ViewState::default() };
    assert_eq!(small.catalog.search(&lora).ids, vec![0]);
    assert!(big.catalog.search(&lora).awaiting_index, "the other catalog still has none");
}
