"""The Chinese edition (notebooks/zh/) and the English notebooks it translates: create, check, stamp.

    python tools/translations.py --status              # list every Chinese cell that is out of date
    python tools/translations.py --new notebooks/02_decomposition.ipynb
                                                       # start a translation: notebooks/zh/02_...ipynb
    python tools/translations.py --sync-code notebooks/zh/01_definition.ipynb
                                                       # copy the English code cells over (after an
                                                       # English code change), keeping the switch line
    python tools/translations.py --stamp notebooks/zh/01_definition.ipynb [--cells 3,5]
                                                       # after updating the translation of those cells
    python tools/translations.py --stamp-guide [--cells 3,5]
                                                       # the same for docs/teachers_guide.zh-CN.md
                                                       # (its sections, counted from 0)

A Chinese notebook ``notebooks/zh/<path>`` translates ``notebooks/<path>`` cell by cell: the same
cells in the same order, code cells identical except for one line, :data:`LANGUAGE_LINE`, in the
first code cell, which makes the package print feedback, error messages and captions in Chinese.
Each Chinese markdown cell records which English text it translates::

    cell.metadata["kl_translation"] = {"source": "<first 16 hex digits of sha256(English cell)>"}
    # e.g. {"source": "3f1c0a9e5b7d2c44"}

(:func:`source_hash`; a caption paragraph that ``tools/store_outputs.py`` writes is left out of the
hash, since the Chinese caption is generated too). When an English cell changes, its hash no longer
matches and ``--status`` (and ``tests/test_translations.py``) name the cell until a translator has
updated the Chinese text and stamped it. ``--new`` records no hash (``"source": null``), so every
cell of a new translation is listed as untranslated until it is stamped.

The teacher's guide is Markdown, translated section by section (a section: the text from one
heading to the next). Each section of ``docs/teachers_guide.zh-CN.md`` records, in the line right
under its heading, the hash of the English section it translates::

    <!-- kl_translation: 3f1c0a9e5b7d2c44 -->

(:func:`source_hash` of the English section's text; tests/test_guide_translation.py and ``--status``
name a section whose English text has changed since.)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
ZH = NOTEBOOKS / "zh"
sys.path.insert(0, str(ROOT / "tools"))
import set_release  # noqa: E402  (tools/ is not a package)

# The caption paragraph tools/store_outputs.py writes under a picture (English or Chinese).
from kl_helpers._captions import CAPTION  # noqa: E402

#: The one line in which a Chinese notebook's code differs from its English twin.
LANGUAGE_LINE = 'kh.set_language("zh")  # 练习反馈、错误信息和图注用中文'
#: The metadata key of a translated markdown cell.
KEY = "kl_translation"


def english_twin(path: Path) -> Path:
    """``notebooks/zh/<p>`` -> ``notebooks/<p>``."""
    return NOTEBOOKS / path.resolve().relative_to(ZH.resolve())


def chinese_twin(path: Path) -> Path:
    """``notebooks/<p>`` -> ``notebooks/zh/<p>``."""
    return ZH / path.resolve().relative_to(NOTEBOOKS.resolve())


def translated_notebooks() -> list[Path]:
    """Every notebook of the Chinese edition."""
    return sorted(p for p in ZH.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def text(cell: dict) -> str:
    source = cell["source"]
    return source if isinstance(source, str) else "".join(source)


def without_caption(source: str) -> str:
    """``source`` without the generated caption paragraph it may start with."""
    if CAPTION.match(source):
        return source.split("\n\n", 1)[1] if "\n\n" in source else ""
    return source


def source_hash(cell: dict) -> str:
    """The fingerprint a translation records of the English cell it translates.

    Trailing spaces and blank lines at either end do not count (they change nothing a reader sees).
    """
    source = "\n".join(line.rstrip() for line in without_caption(text(cell)).strip().splitlines())
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


def recorded(cell: dict) -> str | None:
    return (cell.get("metadata", {}).get(KEY) or {}).get("source")


def without_language_line(source: str) -> str:
    """A Chinese code cell as its English twin reads it (the switch line taken out)."""
    return "".join(line for line in source.splitlines(keepends=True)
                   if not line.startswith('kh.set_language("zh")'))


def first_words(source: str, n: int = 8) -> str:
    return " ".join(source.split()[:n])


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def save(path: Path, nb: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def structure_problems(zh_path: Path) -> list[str]:
    """Where the Chinese notebook's cells do not line up with its English twin's."""
    zh_path = zh_path.resolve()
    name = zh_path.relative_to(NOTEBOOKS).as_posix()
    en_path = english_twin(zh_path)
    if not en_path.exists():
        return [f"{name}: no English twin {en_path.relative_to(ROOT).as_posix()}"]
    zh, en = load(zh_path)["cells"], load(en_path)["cells"]
    if [c["cell_type"] for c in zh] != [c["cell_type"] for c in en]:
        return [f"{name}: {len(zh)} cells, the English twin {len(en)}, or their types/order differ; "
                f"cell types zh {''.join(c['cell_type'][0] for c in zh)} "
                f"en {''.join(c['cell_type'][0] for c in en)}"]
    problems = []
    first_code = True
    for i, (z, e) in enumerate(zip(zh, en, strict=True)):
        if z["cell_type"] != "code":
            continue
        zsrc = text(z)
        lines = sum(line.startswith('kh.set_language("zh")') for line in zsrc.splitlines())
        if lines != (1 if first_code else 0):
            problems.append(f"{name} cell {i}: {lines} language line(s); the first code cell needs "
                            f"exactly one ({LANGUAGE_LINE!r}), the others none")
        if without_language_line(zsrc) != text(e):
            problems.append(f"{name} cell {i}: code differs from the English twin "
                            f"({first_words(text(e))!r}); run --sync-code")
        first_code = False
    return problems


def stale_cells(zh_path: Path) -> list[str]:
    """Chinese markdown cells whose recorded hash is not the English cell's current one."""
    zh_path = zh_path.resolve()
    name = zh_path.relative_to(NOTEBOOKS).as_posix()
    zh, en = load(zh_path)["cells"], load(english_twin(zh_path))["cells"]
    stale = []
    for i, (z, e) in enumerate(zip(zh, en, strict=False)):
        if z["cell_type"] == "markdown" and e["cell_type"] == "markdown":
            have = recorded(z)
            if have != source_hash(e):
                why = "not translated yet" if have is None else "the English cell changed"
                stale.append(f"{name} cell {i} ({why}): {first_words(text(e))!r}")
    return stale


def status() -> list[str]:
    found = []
    for path in translated_notebooks():
        problems = structure_problems(path)
        found += problems or stale_cells(path)
    return found


def stamp(zh_path: Path, cells: list[int] | None = None) -> int:
    """Record the English hashes in the Chinese notebook's markdown cells (all, or ``cells``)."""
    problems = structure_problems(zh_path)
    if problems:
        raise SystemExit("\n".join(problems))
    nb, en = load(zh_path), load(english_twin(zh_path))["cells"]
    changed = 0
    for i, (z, e) in enumerate(zip(nb["cells"], en, strict=True)):
        if z["cell_type"] == "markdown" and (cells is None or i in cells):
            if recorded(z) != source_hash(e):
                z.setdefault("metadata", {})[KEY] = {"source": source_hash(e)}
                changed += 1
    save(zh_path, nb)
    return changed


def with_language_line(source: str) -> str:
    """The English first code cell with :data:`LANGUAGE_LINE` right after the install block."""
    found = set_release.BLOCK.search(source) or set_release.BARE.search(source)
    if found is None:
        raise SystemExit("the first code cell has no `import kl_helpers as kh`")
    return source[:found.end()] + "\n" + LANGUAGE_LINE + source[found.end():]


#: Cell metadata that is the English twin's, whatever the language: the slides (tools/slides.py
#: writes them on the English lesson; the Chinese deck is the same deck) and the cell tags.
SHARED_METADATA = ("slideshow", "tags")


def shared_metadata(cell: dict) -> dict:
    return {k: cell.get("metadata", {})[k] for k in SHARED_METADATA if k in cell.get("metadata", {})}


def sync_code(zh_path: Path) -> int:
    """Copy the English code cells into the Chinese notebook (the switch line kept); outputs stay.

    The slide metadata and tags of every cell are copied too (:data:`SHARED_METADATA`).
    """
    nb, en = load(zh_path), load(english_twin(zh_path))["cells"]
    if [c["cell_type"] for c in nb["cells"]] != [c["cell_type"] for c in en]:
        raise SystemExit(f"{zh_path}: the cells do not line up with the English twin; "
                         "add or remove cells by hand first")
    changed, first = 0, True
    for z, e in zip(nb["cells"], en, strict=True):
        before = (text(z), shared_metadata(z))
        if shared_metadata(z) != shared_metadata(e):
            meta = z.setdefault("metadata", {})
            for key in SHARED_METADATA:
                meta.pop(key, None)
            meta.update(shared_metadata(e))
        if z["cell_type"] == "code":
            new = with_language_line(text(e)) if first else text(e)
            first = False
            if text(z) != new:
                z["source"] = new
        changed += before != (text(z), shared_metadata(z))  # each cell counted once
    save(zh_path, nb)
    return changed


def new(en_path: Path) -> Path:
    """Start a translation: the English notebook with the switch line, every markdown cell marked."""
    zh_path = chinese_twin(en_path)
    if zh_path.exists():
        raise SystemExit(f"{zh_path.relative_to(ROOT)} exists; use --status / --stamp")
    nb = load(en_path)
    first = True
    for cell in nb["cells"]:
        if cell["cell_type"] == "code" and first:
            cell["source"] = with_language_line(text(cell))
            first = False
        elif cell["cell_type"] == "markdown":
            cell.setdefault("metadata", {})[KEY] = {"source": None}
    save(zh_path, nb)
    return zh_path


#: The teacher's guide and its Chinese translation (Markdown, one heading structure).
GUIDE = ROOT / "docs" / "teachers_guide.md"
GUIDE_ZH = ROOT / "docs" / "teachers_guide.zh-CN.md"
#: The line under each heading of the Chinese guide: the hash of the English section it translates.
GUIDE_STAMP = re.compile(r"^<!-- kl_translation: (\S*) -->\n?", re.M)
HEADING = re.compile(r"^(#{1,6}) (.+)$", re.M)


def markdown_sections(source: str) -> list[str]:
    """``source`` cut at its headings: the text from each heading to the next (the guides have
    no fenced code, so a line starting with ``#`` is a heading); text before the first heading,
    if any, is a section of its own."""
    parts = re.split(r"(?m)^(?=#{1,6} )", source)
    return parts[1:] if not parts[0].strip() else parts


def heading_of(section: str) -> str:
    found = HEADING.match(section)
    return found.group(0) if found else first_words(section)


def heading_path(sections: list[str], i: int) -> str:
    """Section ``i``'s heading after those of the sections it belongs to, e.g.
    ``'## 05 · Forward vs reverse KL › ### Homework'`` (the guides repeat their subheadings)."""
    path, level = [], 7
    for section in reversed(sections[:i + 1]):
        found = HEADING.match(section)
        if found and len(found.group(1)) < level and len(found.group(1)) > 1:
            path.insert(0, found.group(0))
            level = len(found.group(1))
    return " › ".join(path) or heading_of(sections[i])


def without_stamp(section: str) -> str:
    """A Chinese section without its ``kl_translation`` line (what a reader sees)."""
    return GUIDE_STAMP.sub("", section)


def section_hash(section: str) -> str:
    """The fingerprint of an English section: :func:`source_hash` of its text."""
    return source_hash({"source": section})


def guide_structure_problems(english: Path | None = None, chinese: Path | None = None) -> list[str]:
    """Where the Chinese guide's headings (levels, count, order) differ from the English guide's."""
    english, chinese = english or GUIDE, chinese or GUIDE_ZH
    levels = [[len(m.group(1)) for m in HEADING.finditer(p.read_text(encoding="utf-8"))]
              for p in (english, chinese)]
    if levels[0] == levels[1]:
        return []
    first = next((i for i, (a, b) in enumerate(zip(*levels, strict=False)) if a != b), min(map(len, levels)))
    return [f"{chinese.name}: {len(levels[1])} headings, {english.name} {len(levels[0])}; they differ "
            f"from heading {first} on (levels en {levels[0][first:first + 5]}, "
            f"zh {levels[1][first:first + 5]})"]


def guide_stale(english: Path | None = None, chinese: Path | None = None) -> list[str]:
    """Chinese guide sections whose recorded hash is not their English section's current one."""
    english, chinese = english or GUIDE, chinese or GUIDE_ZH
    problems = guide_structure_problems(english, chinese)
    if problems:
        return problems
    en = markdown_sections(english.read_text(encoding="utf-8"))
    zh = markdown_sections(chinese.read_text(encoding="utf-8"))
    stale = []
    for i, (z, e) in enumerate(zip(zh, en, strict=True)):
        found = GUIDE_STAMP.search(z)
        have = found.group(1) if found else None
        if have != section_hash(e):
            why = "not stamped" if have is None else "the English section changed"
            stale.append(f"{chinese.name} section {i} ({why}): {heading_path(en, i)!r}")
    return stale


def stamp_guide(sections: list[int] | None = None, english: Path | None = None,
                chinese: Path | None = None) -> int:
    """Record the English hashes under the Chinese guide's headings (all sections, or ``sections``)."""
    english, chinese = english or GUIDE, chinese or GUIDE_ZH
    problems = guide_structure_problems(english, chinese)
    if problems:
        raise SystemExit("\n".join(problems))
    en = markdown_sections(english.read_text(encoding="utf-8"))
    zh = markdown_sections(chinese.read_text(encoding="utf-8"))
    changed = 0
    for i, e in enumerate(en):
        line = f"<!-- kl_translation: {section_hash(e)} -->\n"
        if (sections is None or i in sections) and line not in zh[i]:
            head, _, rest = without_stamp(zh[i]).partition("\n")
            zh[i] = f"{head}\n{line}{rest}"
            changed += 1
    chinese.write_text("".join(zh), encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--status", action="store_true", help="list out-of-date Chinese cells")
    group.add_argument("--new", metavar="NB", help="start the translation of an English notebook")
    group.add_argument("--stamp", metavar="NB", help="record the English hashes in a Chinese notebook")
    group.add_argument("--sync-code", metavar="NB", help="copy the English code cells, slides and tags over")
    group.add_argument("--stamp-guide", action="store_true",
                       help="record the English hashes in docs/teachers_guide.zh-CN.md")
    parser.add_argument("--cells", help="with --stamp (--stamp-guide): only these cell (section) "
                        "indices, e.g. 3,5")
    args = parser.parse_args(argv)
    for name in ("new", "stamp", "sync_code"):
        if getattr(args, name):
            setattr(args, name, str(Path(getattr(args, name)).resolve()))
    cells = [int(c) for c in args.cells.split(",")] if args.cells else None
    if args.status:
        found = status() + guide_stale()
        print("\n".join(found) if found else "the Chinese edition is up to date")
        return 1 if found else 0
    if args.new:
        path = new(Path(args.new))
        print(f"wrote {path.relative_to(ROOT)}: translate its markdown cells, run "
              f"tools/store_outputs.py on it, then --stamp it")
    elif args.stamp_guide:
        print(f"{stamp_guide(cells)} section(s) of {GUIDE_ZH.relative_to(ROOT)} stamped")
    elif args.stamp:
        print(f"{stamp(Path(args.stamp), cells)} cell(s) stamped")
    else:
        print(f"{sync_code(Path(args.sync_code))} cell(s) updated (code, slides, tags); "
              "re-run tools/store_outputs.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
