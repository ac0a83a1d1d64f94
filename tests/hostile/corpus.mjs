// A hostile snapshot for the browser tests: markup and script in every text field, unsafe
// links in every link field, bidi overrides and NUL, a 20,000-character title, a 1 MB
// abstract, nesting deeper than any parser recurses, a repeated id, and 100,002 problems.
// `hostileSnapshot()` returns the JSON text with what a correct page must make of it.

/** Markup that would run or load something if it were inserted as HTML. */
export const MARKUP = [
  '<script>window.__pwned="script"</script>',
  '<img src=x onerror="window.__pwned=\'img\';alert(1)">',
  '<svg onload="window.__pwned=\'svg\'"><circle r=1></svg>',
  '<iframe srcdoc="<script>parent.__pwned=\'iframe\'</script>"></iframe>',
  '<style>body{display:none!important}</style>',
  '"><a href="javascript:window.__pwned=\'a\'">x</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
];

/** Links every validator must refuse: script and data schemes in odd spellings. */
export const UNSAFE_LINKS = [
  'javascript:window.__pwned="link"',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'javascript&colon;alert(1)',
  '&#106;avascript:alert(1)',
  '\u0000javascript:alert(1)',
  '\u202ejavascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  '//evil.example/x',
  'https:/\\evil.example/x',
  'https://evil.example/\u0001',
];

const LINK_KINDS = ['code', 'project', 'arxiv', 'pdf', 'hf', 'doi', 'url'];

/** The records to make 100,002 problems: each `{}` lacks id, title and author count. */
export const EMPTY_RECORDS = 33_334;

export function hostileSnapshot() {
  const papers = [];
  const kept = [];
  let ignoredFields = 0;
  MARKUP.forEach((m, i) => {
    const id = `markup-${i}`;
    papers.push({
      id, title: `Title ${m}`, abstract: `Abstract ${m}`, authors: [`Eve ${m}`, 'Ann Other'],
      published: '2024-01-02', venue: m, tags: [m], summary: m, upvotes: i,
    });
    kept.push(id);
  });
  UNSAFE_LINKS.forEach((url, i) => {
    const id = `link-${i}`;
    papers.push({
      id, title: `Unsafe link ${i}`, author_count: 1, published: '2023-05',
      links: Object.fromEntries(LINK_KINDS.map((k) => [k, url])), thumbnail: url,
    });
    ignoredFields += LINK_KINDS.length + 1;
    kept.push(id);
  });
  papers.push({ id: 'rtl', title: 'Right\u202eto\u202dleft and a NUL\u0000 here', author_count: 2, published: '2022' });
  papers.push({ id: 'long-title', title: `Long ${'title '.repeat(4000)}`, author_count: 1, published: '2021' });
  papers.push({ id: 'huge-abstract', title: 'A 1 MB abstract', abstract: 'word '.repeat(200_000), author_count: 1, published: '2020' });
  papers.push({ id: 'safe', title: 'A safe paper', author_count: 1, published: '2019', links: { code: 'https://github.com/a/b' } });
  kept.push('rtl', 'long-title', 'huge-abstract', 'safe');
  // Skipped: a repeated id, a record nested deeper than the parser recurses (in a field
  // of the format: a field it does not have is skipped unread, however deep), and the
  // empty records.
  papers.push({ id: 'safe', title: 'The same id again', author_count: 1, published: '2019' });
  const deep = `${'['.repeat(50_000)}1${']'.repeat(50_000)}`;
  let json = JSON.stringify({ format: 'paperdeck-snapshot', version: 1, title: `Lab ${MARKUP[1]}`, papers });
  json = json.replace(/\]\}$/, `,{"id":"deep","title":"Deep","author_count":1,"tags":${deep}}${',{}'.repeat(EMPTY_RECORDS)}]}`);
  return {
    json,
    kept,
    skipped: 2 + EMPTY_RECORDS,
    ignoredFields,
    problems: ignoredFields + 2 + 3 * EMPTY_RECORDS,
  };
}
