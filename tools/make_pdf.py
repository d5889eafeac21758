"""Printable PDFs of the course, made offline: ``make pdf`` writes them to build/pdf/.

    python tools/make_pdf.py            # every PDF below
    python tools/make_pdf.py 01_definition cheatsheet   # only these (names as in build/pdf/)

What it prints (from the committed, nbval-checked notebooks; nothing is re-run):

* ``NN_name.pdf``: each lesson, code, stored pictures and all;
* ``course.pdf``: contents, every lesson, notation card, cheat sheet and bibliography, each starting
  on a new page;
* ``cheatsheet.pdf``: the cheat sheet, one page;
* ``teacher/NN_name.pdf``: the teacher copies (lesson with worked solutions in place), assembled
  exactly as ``make copies`` assembles teacher/NN_name.ipynb (``tools/copies.py``);
* ``manifest.json``: for each PDF its pages, the pictures it should hold and those it holds, the
  mathematics left untypeset and the blocked network requests (``tests/test_pdf.py`` reads it).

How: ``jupyter nbconvert``'s HTML exporter (lab template) writes each page; its CDN MathJax 2 is
replaced by MathJax 3 from npm (``build/npm/node_modules/mathjax`` via tools/frontend.py, brought in at build
time, never committed) rendering to SVG; print CSS keeps pictures, outputs and displayed equations whole
across page breaks; Debian's Chromium, headless through Playwright, prints each page once MathJax
has finished. Every request that would leave the machine is blocked and counted.
"""

from __future__ import annotations

import functools
import hashlib
import html as html_lib
import json
import logging
import os
import re
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
OUT = ROOT / "build" / "pdf"
CHROMIUM = os.environ.get("KL_CHROMIUM", "/usr/bin/chromium")
MATHJAX_TIMEOUT_MS = 20_000
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
sys.path.insert(0, str(ROOT / "tools"))
import frontend  # noqa: E402  (tools/frontend.py: the one npm installer)

#: The pages of the whole-course PDF around the lessons, in reading order.
COURSE_BEFORE = ["index"]
COURSE_AFTER = ["notation", "cheatsheet", "bibliography"]

PRINT_CSS = """
@page { size: A4; margin: 14mm 13mm 14mm 13mm; }
@media print {
  body { font-size: 10.5pt; }
  /* Never cut a picture, an output or a displayed equation across pages. */
  img, svg, figure, .jp-OutputArea-output, .cell_output, mjx-container[display="true"] {
    break-inside: avoid; page-break-inside: avoid;
  }
  img { max-width: 100% !important; height: auto !important; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  /* Long code lines wrap instead of running off the page. */
  pre, .jp-InputArea-editor pre, .highlight pre { white-space: pre-wrap !important; word-break: break-word; }
  .jp-InputPrompt, .jp-OutputPrompt { display: none !important; }
  .kl-new-page { break-before: page; page-break-before: always; }
  a { color: inherit; }
}
.kl-sheet { font-size: 8.6pt; }
.kl-sheet table { font-size: 8.2pt; }
.kl-sheet td, .kl-sheet th { padding: 2px 4px !important; }
"""

MATHJAX_CONFIG = """<script>
window.MathJax = {
  tex: {inlineMath: [['$', '$'], ['\\\\(', '\\\\)']], displayMath: [['$$', '$$'], ['\\\\[', '\\\\]']],
        processEscapes: true, processEnvironments: true},
  svg: {fontCache: 'global'},
};
</script>
<script src="%s"></script>"""

# Text left as TeX after typesetting: $$, or $...$ with a backslash command or ^/_ inside.
RAW_MATH_JS = r"""
() => {
  const found = [];
  for (const el of document.querySelectorAll('.jp-RenderedMarkdown, .jp-RenderedHTMLCommon')) {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('code, pre, mjx-container').forEach((n) => n.remove());
    const text = copy.textContent;
    for (const m of text.matchAll(/\$\$|\$[^$\n]*[\\^_][^$\n]*\$/g)) found.push(m[0].slice(0, 60));
  }
  return {raw: found, errors: document.querySelectorAll('mjx-merror').length};
}
"""


class PdfError(Exception):
    """A prerequisite is missing (MathJax, Chromium) or a page did not render."""


def mathjax() -> Path:
    """MathJax 3 from npm, installed by tools/frontend.py when missing."""
    try:
        path = frontend.package_dir("mathjax") / "es5" / "tex-svg-full.js"
    except frontend.FrontendError as error:
        raise PdfError(str(error)) from None
    if not path.exists():
        raise PdfError(f"{path} is missing: run `python tools/frontend.py`")
    return path


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def lessons() -> list[str]:
    return sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb") if re.match(r"\d\d_", p.name))


def pictures(nb: dict) -> int:
    """Distinct stored pictures of a notebook (PNG/JPEG outputs); a PDF stores each once."""
    seen = set()
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            for mime, data in output.get("data", {}).items():
                if mime in ("image/png", "image/jpeg"):
                    seen.add(hashlib.sha1("".join(data).encode()).hexdigest())
    return len(seen)


def _marker(nb: dict, css_class: str) -> None:
    nb["cells"].insert(0, {"cell_type": "markdown", "id": f"kl-{css_class}", "metadata": {},
                           "source": f'<div class="{css_class}"></div>'})


def course_notebook() -> dict:
    """Contents, lessons and reference pages as one notebook, each part on a new page."""
    parts = [*COURSE_BEFORE, *lessons(), *COURSE_AFTER]
    course = _read(NOTEBOOKS / f"{parts[0]}.ipynb")
    for name in parts[1:]:
        nb = _read(NOTEBOOKS / f"{name}.ipynb")
        _marker(nb, "kl-new-page")
        course["cells"].extend(nb["cells"])
    for i, cell in enumerate(course["cells"]):  # unique ids in the joined notebook
        cell["id"] = f"c{i}"
    return course


def teacher_notebook(stem: str) -> dict:
    import copies  # tools/copies.py: the same assembly as `make copies`

    return copies.assemble(NOTEBOOKS / f"{stem}.ipynb")


def documents(names: list[str] | None = None) -> dict[str, dict]:
    """``name in build/pdf -> notebook`` for everything to print (or only ``names``)."""
    wanted = {stem: (lambda s=stem: _read(NOTEBOOKS / f"{s}.ipynb")) for stem in lessons()}
    wanted["course"] = course_notebook
    wanted["cheatsheet"] = lambda: _read(NOTEBOOKS / "cheatsheet.ipynb")
    for stem in lessons():
        if (NOTEBOOKS / "solutions" / f"{stem}.ipynb").exists():
            wanted[f"teacher/{stem}"] = lambda s=stem: teacher_notebook(s)
    unknown = set(names or []) - set(wanted)
    if unknown:
        raise PdfError(f"unknown document(s) {sorted(unknown)}; choose from {sorted(wanted)}")
    return {name: make() for name, make in wanted.items() if not names or name in names}


@functools.cache
def _exporter():
    from nbconvert import HTMLExporter

    # One exporter for every page: building one loads the template and its styles (seconds).
    exporter = HTMLExporter(template_name="lab", exclude_input_prompt=True, exclude_output_prompt=True)
    exporter.log.setLevel(logging.ERROR)  # "alternative text is missing": html() restores it
    return exporter


def html(nb: dict, name: str) -> str:
    """The page nbconvert writes, with local MathJax 3 and the print CSS."""
    import nbformat

    body, _ = _exporter().from_notebook_node(nbformat.reads(json.dumps(nb), as_version=4))
    # nbconvert loads MathJax 2 from a CDN: replace that block by MathJax 3 from npm.
    start, end = body.find("<!-- Load mathjax -->"), body.find("<!-- End of mathjax configuration -->")
    if start < 0 or end < 0:
        raise PdfError("nbconvert's MathJax block was not found: has the lab template changed?")
    local = MATHJAX_CONFIG % mathjax().as_uri()
    body = body[:start] + local + body[end + len("<!-- End of mathjax configuration -->"):]
    # The lab template drops each picture's text alternative (stored in the output's metadata by
    # tools/store_outputs.py) and nbconvert fills in a placeholder: put the real ones back, in order.
    alts = iter([output.get("metadata", {}).get(mime, {}).get("alt", "")
                 for cell in nb["cells"] for output in cell.get("outputs", [])
                 for mime in output.get("data", {}) if mime in ("image/png", "image/jpeg")])
    body = re.sub(r'alt="No description has been provided for this image"',
                  lambda _m: f'alt="{html_lib.escape(next(alts, ""), quote=True)}"', body)
    # The lab template always loads require.js from a CDN (for widgets, which a print does not
    # need): drop every script from the web, so that printing requests nothing.
    body = re.sub(r'<script[^>]*\ssrc="https?://[^"]*"[^>]*>\s*</script>', "", body)
    sheet = ' class="kl-sheet"' if name == "cheatsheet" else ""
    body = body.replace("</head>", f"<style>{PRINT_CSS}</style>\n</head>", 1)
    return re.sub(r"<body([^>]*)>", lambda m: f"<body{m.group(1)}><div{sheet}>", body, count=1).replace(
        "</body>", "</div></body>", 1)


# --- a tiny PDF reader: enough for Chromium's (Skia's) output, no dependency -------------------

def _objects(data: bytes) -> dict[int, bytes]:
    """Every ``N 0 obj ... endobj`` body, including those packed in object streams."""
    objs = {int(m.group(1)): m.group(2) for m in
            re.finditer(rb"(\d+) 0 obj\s*(.*?)endobj", data, re.S)}
    for body in list(objs.values()):
        if b"/Type /ObjStm" in body or b"/Type/ObjStm" in body:
            first = int(re.search(rb"/First (\d+)", body).group(1))
            raw = body[body.index(b"stream") + 6:].lstrip(b"\r\n")
            text = zlib.decompress(raw)
            header = text[:first].split()
            offsets = [(int(header[i]), int(header[i + 1])) for i in range(0, len(header), 2)]
            for k, (num, off) in enumerate(offsets):
                stop = offsets[k + 1][1] if k + 1 < len(offsets) else len(text) - first
                objs[num] = text[first + off:first + stop]
    return objs


def pdf_facts(path: Path) -> dict[str, int]:
    """Pages; pictures (image XObjects that are not soft masks, i.e. alpha channels); and how
    many pictures are drawn on more than one page (a picture cut by a page break)."""
    objs = _objects(path.read_bytes())
    dicts = {n: body.split(b"stream", 1)[0] for n, body in objs.items()}
    pages = [d for d in dicts.values() if re.search(rb"/Type\s*/Page(?![s\w])", d)]
    images = {n for n, d in dicts.items() if re.search(rb"/Subtype\s*/Image", d)}
    masks = {int(m) for d in dicts.values() for m in re.findall(rb"/SMask\s+(\d+)\s+0\s+R", d)}
    pictures = images - masks

    def drawn(d: bytes, depth: int = 0) -> set[int]:  # pictures a page (or a form it uses) draws
        found: set[int] = set()
        for block in re.findall(rb"/XObject\s*<<(.*?)>>", d, re.S):
            for ref in map(int, re.findall(rb"(\d+)\s+0\s+R", block)):
                if ref in pictures:
                    found.add(ref)
                elif depth < 3 and re.search(rb"/Subtype\s*/Form", dicts.get(ref, b"")):
                    found |= drawn(dicts[ref], depth + 1)
        return found

    per_page = [drawn(d) for d in pages]
    split = sum(1 for n in pictures if sum(n in s for s in per_page) > 1)
    return {"pages": len(pages), "images": len(pictures), "images_on_two_pages": split}


def _print_one(page, name: str, nb: dict, out: Path, html_dir: Path, blocked: list[str],
               timeout_error: type[Exception]) -> dict:
    """Print one document with ``page``; return its manifest entry."""
    start, before = time.perf_counter(), len(blocked)
    page_html = html_dir / f"{name}.html"
    page_html.parent.mkdir(parents=True, exist_ok=True)
    page_html.write_text(html(nb, name), encoding="utf-8")
    page.goto(page_html.as_uri(), wait_until="load", timeout=300_000)  # the whole course is large
    page.wait_for_function("Array.from(document.images).every((i) => i.complete)", timeout=60_000)
    try:  # print whatever happens: a page without typeset maths is reported, not hidden
        page.wait_for_function("window.MathJax && MathJax.startup && MathJax.startup.promise",
                               timeout=MATHJAX_TIMEOUT_MS)
        page.evaluate("MathJax.startup.promise")
    except timeout_error:
        print(f"{name}: MathJax did not start in {MATHJAX_TIMEOUT_MS // 1000} s", file=sys.stderr)
    math = page.evaluate(RAW_MATH_JS)
    target = out / f"{name}.pdf"
    target.parent.mkdir(parents=True, exist_ok=True)
    # tagged: a PDF with structure and the pictures' text alternatives; outline: bookmarks.
    page.pdf(path=str(target), format="A4", print_background=True, prefer_css_page_size=True,
             tagged=True, outline=True)
    facts = pdf_facts(target)
    entry = {**facts, "pictures": pictures(nb), "raw_math": math["raw"], "math_errors": math["errors"],
             "blocked": blocked[before:], "seconds": round(time.perf_counter() - start, 1)}
    shown = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
    print(f"{shown}: {facts['pages']} pages, {facts['images']} pictures ({entry['seconds']} s)")
    return entry


def render(names: list[str] | None = None, out: Path = OUT, context=None) -> dict:
    """Print ``names`` (default: everything) to ``out``; return (and write) the manifest.

    ``context``: a Playwright browser context to print in; by default a headless Chromium of its own.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    if context is None and not Path(CHROMIUM).exists():
        raise PdfError(f"Chromium not found at {CHROMIUM} "
                       "(Debian: apt-get install chromium, or set KL_CHROMIUM)")
    docs = documents(names)
    manifest_path = out / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if names and manifest_path.exists() else {}
    html_dir = out / "html"
    blocked: list[str] = []

    def print_all(ctx) -> None:
        page = ctx.new_page()

        def route(r):  # only local files and inline data; anything else would leave the machine
            if r.request.url.startswith(("file://", "data:")):
                return r.continue_()
            blocked.append(r.request.url)
            return r.abort()

        page.route("**/*", route)
        try:
            for name, nb in docs.items():
                manifest[name] = _print_one(page, name, nb, out, html_dir, blocked, PlaywrightTimeout)
        finally:
            page.close()

    if context is not None:  # a caller's browser (the test suite shares one: one sync Playwright per process)
        print_all(context)
    else:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS[1:], headless=True)
            try:
                print_all(browser.new_context())
            finally:
                browser.close()
    out.mkdir(parents=True, exist_ok=True)
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str]) -> int:
    try:
        manifest = render(argv or None)
    except PdfError as error:
        print(f"make pdf: {error}", file=sys.stderr)
        return 1
    wrong = {name: facts for name, facts in manifest.items()
             if facts["raw_math"] or facts["math_errors"] or facts["blocked"] or facts["images_on_two_pages"]
             or facts["images"] != facts["pictures"]}
    for name, facts in wrong.items():
        print(f"make pdf: {name}.pdf: {facts['images']} of {facts['pictures']} pictures, "
              f"{facts['images_on_two_pages']} cut by a page break, {len(facts['raw_math'])} raw TeX, "
              f"{facts['math_errors']} MathJax errors, {len(facts['blocked'])} blocked requests",
              file=sys.stderr)
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
