#!/usr/bin/env python3
"""Writes the BibTeX that Zotero's web API answers for `?format=bibtex` (the fields its
BibTeX export writes, in its order and spelling) for the items of a recorded Zotero API
JSON page. No recorded `format=bibtex` answer is public; the items are real (see
README.md). Usage: zotero_json_to_bibtex.py ITEMS.json FIRST COUNT > page.bib"""
import json, re, sys, unicodedata

TYPES = {"journalArticle": "article", "book": "book", "bookSection": "incollection",
         "thesis": "phdthesis", "report": "techreport", "conferencePaper": "inproceedings"}

def esc(s):
    return re.sub(r"([{}&%$#_])", r"\\\1", s)

def key_of(d, used):
    first = d.get("creators") or [{}]
    last = first[0].get("lastName") or first[0].get("name") or ""
    word = next((w for w in re.findall(r"[A-Za-z]+", d.get("title", "")) if w.lower() not in ("a", "an", "the", "on", "of")), "")
    year = re.search(r"\d{4}", d.get("date", ""))
    norm = lambda s: unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower().replace(" ", "")
    key = "_".join(p for p in [norm(last), norm(word), year.group(0) if year else ""] if p) or "item"
    k, n = key, 1
    while k in used:
        n += 1
        k = f"{key}-{n}"
    used.add(k)
    return k

def entry(d, used):
    fields = [("title", d.get("title"))]
    fields += [("volume", d.get("volume")), ("url", d.get("url")), ("doi", d.get("DOI")),
               ("abstract", d.get("abstractNote")), ("number", d.get("issue")),
               ("journal", d.get("publicationTitle")), ("booktitle", d.get("bookTitle")),
               ("publisher", d.get("publisher")), ("institution", d.get("institution")),
               ("school", d.get("university"))]
    authors = [c for c in d.get("creators", []) if c.get("creatorType") == "author"]
    names = [c["name"] if "name" in c else f'{c.get("lastName", "")}, {c.get("firstName", "")}'.strip(", ") for c in authors]
    fields.append(("author", " and ".join(names)))
    m = re.match(r"^(\d{4})(?:-(\d{2}))?", d.get("date", "")) or re.search(r"(\d{4})", d.get("date", ""))
    if m:
        months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        if m.lastindex and m.lastindex >= 2 and m.group(2):
            fields.append(("month", months[int(m.group(2)) - 1]))
        fields.append(("year", m.group(1)))
    fields.append(("pages", (d.get("pages") or "").replace("-", "--")))
    fields.append(("keywords", ", ".join(t["tag"] for t in d.get("tags", []))))
    lines = [f"@{TYPES.get(d['itemType'], 'misc')}{{{key_of(d, used)},"]
    for name, value in fields:
        if value:
            value = value if name == "month" else "{" + (value if name in ("url", "doi") else esc(value)) + "}"
            lines.append(f"\t{name} = {value},")
    return "\n".join(lines) + "\n}\n"

items = [i["data"] for i in json.load(open(sys.argv[1])) if i["data"]["itemType"] not in ("attachment", "note")]
first, count = int(sys.argv[2]), int(sys.argv[3])
used = set()
sys.stdout.write("\n".join(entry(d, used) for d in items[first:first + count]))
