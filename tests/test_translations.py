"""The Chinese edition (notebooks/zh/) stays in step with the English notebooks it translates.

Structure only, no execution (strict nbval runs the Chinese notebooks like the English ones):

* the same cells in the same order; code identical except the one ``kh.set_language("zh")`` line;
* every translated markdown cell records the hash of the English cell it translates, and the test
  fails, naming notebook, cell and first words, when the English cell has changed since;
* the same heading numbers, exercises, problems, worked-solution links, mathematics and code spans;
* every glossary term (the notation card's English–Chinese list, tools/make_pages.py) is rendered
  the one way the list gives, never an avoided way, and no English prose is left outside code,
  mathematics, links' targets, titles and names;
* the outputs a learner reads (checker feedback, captions) are Chinese.

How to translate a notebook, and the tool behind these checks: CONTRIBUTING.md, "Chinese edition".
"""

from __future__ import annotations

import ast
import json
import re
import string
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

import kl_helpers as kh
from kl_helpers import _locale_zh
from kl_helpers._captions import alt_of, caption_text, escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import make_pages  # noqa: E402  (tools/ is not a package)
import stamp  # noqa: E402
import translations as tr  # noqa: E402

ZH_NOTEBOOKS = tr.translated_notebooks()
IDS = [p.relative_to(tr.ZH).as_posix() for p in ZH_NOTEBOOKS]
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    kh.set_language("en")


def _pairs(path: Path) -> list[tuple[int, dict, dict]]:
    zh, en = tr.load(path)["cells"], tr.load(tr.english_twin(path))["cells"]
    return [(i, z, e) for i, (z, e) in enumerate(zip(zh, en, strict=True)) if z["cell_type"] == "markdown"]


def _body(cell: dict) -> str:
    """A markdown cell's text without its generated caption paragraph."""
    return tr.without_caption(tr.text(cell))


def test_the_translated_notebooks_are_found():
    # An empty glob would make every parametrized test below vanish.
    assert {"01_definition.ipynb", "solutions/01_definition.ipynb", "notation.ipynb"} <= set(IDS)


# --- the same cells -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ZH_NOTEBOOKS, ids=IDS)
def test_cells_line_up_and_code_is_the_english_code(path):
    assert tr.structure_problems(path) == []


@pytest.mark.parametrize("path", ZH_NOTEBOOKS, ids=IDS)
def test_every_translation_translates_the_current_english_cell(path):
    stale = tr.stale_cells(path)
    assert stale == [], ("English cells changed (or were never translated) since their translation "
                         "was stamped; update the Chinese text, then `python tools/translations.py "
                         "--stamp <notebook> --cells i,j`:\n" + "\n".join(stale))


def _headings(source: str) -> list[tuple[int, list[str]]]:
    source = _strip_math(source)
    return [(len(m.group(1)), re.findall(r"\d+", m.group(2)))
            for m in re.finditer(r"^(#+)\s+(.*)$", source, re.M)]


#: English label -> Chinese label at the start of a cell (exercises, problems, solutions).
LABELS = [(r"\*\*Exercise (\d+)\.\*\*", "**练习 {}.**"), (r"\*\*Problem (\d+)\.\*\*", "**习题 {}.**"),
          (r"### Exercise (\d+)$", "### 练习 {}"), (r"### Problem (\d+)$", "### 习题 {}"),
          (r"\*\*Solution\.\*\*()", "**解答.**")]
#: The worked-solution link paragraph: English -> Chinese (the anchors are the Chinese headings).
SOLUTION_LINK = re.compile(r"\[Worked solution →\]\(([^)#]+)#(Exercise|Problem)-(\d+)\)")
ZH_LINK = "[详细解答 →]({}#{}-{})"
ZH_WORD = {"Exercise": "练习", "Problem": "习题"}


@pytest.mark.parametrize("path", ZH_NOTEBOOKS, ids=IDS)
def test_same_headings_exercises_problems_and_solution_links(path):
    for i, zh, en in _pairs(path):
        z, e = _body(zh), _body(en)
        where = f"{path.name} cell {i} ({tr.first_words(e)!r})"
        assert _headings(z) == _headings(e), f"{where}: heading levels or numbers differ"
        for pattern, label in LABELS:
            m = re.match(pattern, e)
            if m:
                want = label.format(m.group(1))
                assert z.startswith(want), f"{where}: should start {want!r}"
        links = [ZH_LINK.format(t, ZH_WORD[w], k) for t, w, k in SOLUTION_LINK.findall(e)]
        for link in links:
            assert link in z, f"{where}: no {link}"


def _math(source: str) -> list[str]:
    return re.findall(r"\$\$.+?\$\$|\$[^$\n]+\$", source, re.S)


def _strip_math(source: str) -> str:
    return re.sub(r"\$\$.+?\$\$|\$[^$\n]+\$", " ", source, flags=re.S)


def _code_spans(source: str) -> list[str]:
    return re.findall(r"`[^`\n]+`", _strip_math(source))


@pytest.mark.parametrize("path", ZH_NOTEBOOKS, ids=IDS)
def test_mathematics_and_code_are_left_as_they_are(path):
    for i, zh, en in _pairs(path):
        z, e = _body(zh), _body(en)
        where = f"{path.name} cell {i} ({tr.first_words(e)!r})"
        assert Counter(_math(z)) == Counter(_math(e)), (
            f"{where}: mathematics differs: only in Chinese {list(Counter(_math(z)) - Counter(_math(e)))}, "
            f"only in English {list(Counter(_math(e)) - Counter(_math(z)))}")
        assert Counter(_code_spans(z)) == Counter(_code_spans(e)), f"{where}: code spans differ"


@pytest.mark.parametrize("path", ZH_NOTEBOOKS, ids=IDS)
def test_links_stay_inside_notebooks_and_work(path):
    for i, zh, _ in _pairs(path):
        for target in re.findall(r"\]\(([^)\s]+)\)", tr.text(zh)):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            file = (path.parent / target.split("#")[0]).resolve()
            assert file.is_file(), f"{path.name} cell {i}: broken link {target}"
            assert tr.NOTEBOOKS.resolve() in file.parents, f"{path.name} cell {i}: {target} leaves notebooks/"


def test_each_english_lesson_with_a_translation_links_it():
    for path in ZH_NOTEBOOKS:
        if path.parent == tr.ZH:  # lessons and pages (worked solutions link their lesson)
            english = tr.text(tr.load(tr.english_twin(path))["cells"][0])
            chinese = tr.text(tr.load(path)["cells"][0])
            assert f"(zh/{path.name})" in english, f"{path.name}: the English header does not link zh/"
            assert f"(../{path.name})" in chinese, f"zh/{path.name}: the header does not link back"


# --- one glossary, no English prose left ---------------------------------------------------------


def _variants(english: str) -> list[str]:
    """'Kullback–Leibler (KL) divergence' -> ['Kullback–Leibler divergence', 'KL divergence']."""
    m = re.match(r"(.*?)\s*\(([A-Z]+)\)\s*(.*)", english)
    plain = re.sub(r"\s*\(.*?\)", "", english).strip()
    out = [plain]
    if m and m.group(3):
        out.append(f"{m.group(2)} {m.group(3)}")
    return out


def glossary() -> list[tuple[list[str], str, list[str]]]:
    """(English variants, Chinese rendering, avoided renderings) from the notation card's list."""
    rows = []
    for english, chinese, avoid in make_pages.glossary_table():
        avoided = [a for a in re.split(r"[、,]", avoid) if a.strip()]
        en_parts, zh_parts = re.split(r"\s*/\s*", english), re.split(r"\s*/\s*", chinese)
        if len(en_parts) != len(zh_parts):
            en_parts, zh_parts = [english], [chinese]
        # "正向 KL、逆向 KL" avoids one rendering per part; a single avoided rendering belongs to the first.
        per_part = ([[a] for a in avoided] if len(avoided) == len(en_parts) > 1
                    else [avoided] + [[]] * (len(en_parts) - 1))
        for e, z, avoid_here in zip(en_parts, zh_parts, per_part, strict=True):
            rows.append((_variants(e), re.sub(r"（.*?）", "", z).strip(), avoid_here))
    return rows


GLOSSARY = glossary()


def test_glossary_is_read():
    terms = {z for _, z, _ in GLOSSARY}
    assert len(GLOSSARY) >= 40 and {"交叉熵", "负熵", "经验分布", "证据下界", "众数寻求", "奈特"} <= terms


def _english_terms_text(source: str) -> str:
    """English text where a glossary term counts: without code, mathematics and link targets."""
    source = re.sub(r"```.*?```", " ", stamp.LINE.sub(" ", source), flags=re.S)
    source = re.sub(r"`[^`\n]+`", " ", _strip_math(source))
    return re.sub(r"\]\([^)]*\)", "]", source)


def glossary_problems(chinese_text: str, english_text: str, where: str, avoid: bool = True) -> list[str]:
    """Glossary terms the English text uses that the Chinese lacks, and avoided renderings
    (``avoid=False``: a bilingual text, such as the glossary itself, lists them on purpose)."""
    problems = []
    e = _english_terms_text(english_text)
    for variants, chinese, avoided in GLOSSARY:
        used = any(re.search(rf"\b{re.escape(v)}(s|es)?\b", e, re.I) for v in variants)
        if used and chinese not in chinese_text:
            problems.append(f"{where}: the English says {variants[0]!r}, the Chinese lacks {chinese!r}")
        if avoid:
            problems += [f"{where}: {a!r} instead of {chinese!r}" for a in avoided if a in chinese_text]
    return problems


@pytest.mark.parametrize("path", ZH_NOTEBOOKS, ids=IDS)
def test_glossary_terms_are_rendered_the_one_way(path):
    problems = []
    for i, zh, en in _pairs(path):
        bilingual = zh.get("metadata", {}).get(tr.KEY, {}).get("bilingual")  # the glossary lists them
        problems += glossary_problems(_body(zh), _body(en), f"cell {i}", avoid=not bilingual)
    assert problems == [], f"{path.name}:\n" + "\n".join(problems)


#: Four or more English words in a row (names and short labels are shorter).
ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[ \t,:;&/()]+[A-Za-z][A-Za-z'’-]*){3,}")


def english_runs(source: str) -> list[str]:
    """Stretches of English prose in a Chinese markdown cell.

    Left out first: fenced and inline code, mathematics, link targets, HTML tags, the stamped
    version-and-licences line, and italic or quoted stretches without Chinese in them (titles of
    books, papers and threads, which are cited as they are published).
    """
    source = stamp.LINE.sub(" ", source)
    source = re.sub(r"```.*?```", " ", source, flags=re.S)
    source = re.sub(r"`[^`\n]+`", " ", _strip_math(source))
    source = re.sub(r"\]\([^)]*\)", "]", source)
    source = re.sub(r"<[^>]+>", " ", source)
    for pattern in (r"(?<!\*)\*([^*\n]+)\*(?!\*)", r'"([^"\n]+)"', r"“([^”\n]+)”"):
        source = re.sub(pattern, lambda m: m.group(0) if CJK.search(m.group(1)) else " ", source)
    runs = ENGLISH_RUN.findall(source.replace("**", " "))
    # Lists of letters or symbols ("A, B, C, D") are not prose: at least three real words.
    return [run for run in runs if len(re.findall(r"[A-Za-z][A-Za-z'’-]+", run)) >= 3]


def test_english_prose_detector():
    assert english_runs("这是 *Elements of Information Theory* 与 `the code here`。") == []
    assert english_runs("左图 $a + b$，见 [链接](https://example.org/a/long/path/here)。") == []
    assert english_runs("这一句 still has an English stretch 在里面。") == ["still has an English stretch"]


@pytest.mark.parametrize("path", ZH_NOTEBOOKS, ids=IDS)
def test_no_english_prose_is_left(path):
    # A bilingual cell (the glossary, the same in both editions) holds English on purpose.
    left = [(i, run) for i, zh, _ in _pairs(path) for run in english_runs(tr.text(zh))
            if not zh.get("metadata", {}).get(tr.KEY, {}).get("bilingual")]
    assert left == [], f"{path.name}: English left in " + "; ".join(f"cell {i}: {r!r}" for i, r in left)


# --- what a learner reads in outputs ----------------------------------------------------------------


@pytest.mark.parametrize("path", ZH_NOTEBOOKS, ids=IDS)
def test_captions_are_the_chinese_text_alternatives(path):
    cells = tr.load(path)["cells"]
    captions = 0
    for i, cell in enumerate(cells[:-1]):
        alts = [a for a in (alt_of(o) for o in cell.get("outputs", [])) if a]
        if cell["cell_type"] == "code" and alts:
            after = cells[i + 1]
            assert caption_text(after) == " ".join(alts), f"{path.name} cell {i + 1}: caption ≠ alt text"
            assert tr.text(after).startswith(("*图：*", "*面板：*")) and CJK.search(alts[0])
            assert english_runs(escape(" ".join(alts))) == [], f"{path.name} cell {i}: English in alt text"
            captions += 1
    assert captions == sum("*Figure.* " in tr.text(c) or "*Panel.* " in tr.text(c)
                           for c in tr.load(tr.english_twin(path))["cells"])


@pytest.mark.parametrize("path", ZH_NOTEBOOKS, ids=IDS)
def test_slides_and_tags_are_the_english_twins(path):
    # The Chinese deck is the English deck (tools/slides.py tags the English lesson; --sync-code
    # copies the metadata over): same slides, same cells left out, same curation tags.
    differ = [i for i, z, e in ((i, z, e) for i, (z, e) in enumerate(zip(
        tr.load(path)["cells"], tr.load(tr.english_twin(path))["cells"], strict=True)))
        if tr.shared_metadata(z) != tr.shared_metadata(e)]
    assert differ == [], f"{path.name}: cells {differ} (run tools/translations.py --sync-code)"


@pytest.mark.parametrize("path", ZH_NOTEBOOKS, ids=IDS)
def test_checker_outputs_are_chinese(path):
    solutions = "solutions" in path.parts
    seen = 0
    for cell in tr.load(path)["cells"]:
        # A call (not a cell that only lists the checkers, as lesson 05's last one does).
        if cell["cell_type"] == "code" and re.search(r"kh\.exercises\.check_\w+\(", tr.text(cell)):
            (output,) = [o for o in cell["outputs"] if "text/plain" in o.get("data", {})]
            shown = "".join(output["data"]["text/plain"])
            assert shown.startswith("✅ " if solutions else "✏️ 轮到你了："), shown
            assert CJK.search(shown) and english_runs(shown) == [], shown
            seen += 1
    assert seen >= 2 or not re.match(r"\d\d_", path.name)


# --- the language switch and its catalog ---------------------------------------------------------------


def test_english_is_the_default_and_a_bad_language_is_refused():
    assert kh.get_language() == "en"
    with pytest.raises(ValueError, match=r"language must be one of 'en', 'zh', got 'cn'"):
        kh.set_language("cn")
    assert kh.get_language() == "en"


def _fields(template: str) -> Counter:
    return Counter(f"{name}:{spec}" for _, name, spec, _ in string.Formatter().parse(template) if name)


def test_catalog_keeps_every_placeholder():
    for english, chinese in _locale_zh.MESSAGES.items():
        assert _fields(english) == _fields(chinese), english


def test_catalog_keys_are_texts_the_package_uses():
    # Each key must still be the English text somewhere in kl_helpers (joined string literals).
    import ast

    literals = set()
    for path in (ROOT / "kl_helpers").rglob("*.py"):
        if path.name != "_locale_zh.py":
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    literals.add(node.value)
    prefixes = {"✏️ Your turn: "}
    unused = [k for k in _locale_zh.MESSAGES if k not in literals and k not in prefixes]
    assert unused == [], f"catalog entries no code uses any more: {unused}"


def test_lesson_01_feedback_and_errors_in_chinese():
    kh.set_language("zh")
    shown = [repr(f) for f in (
        kh.exercises.check_01_reverse_bits(None), kh.exercises.check_01_reverse_bits(0.5),
        kh.exercises.check_01_reverse_bits(0.0440), kh.exercises.check_01_reverse_bits(0.0324),
        kh.exercises.check_01_reverse_bits("x"), kh.exercises.check_01_reverse_bits(10**400),
        kh.exercises.check_01_code_overhead(1.75), kh.exercises.check_01_code_overhead(0.25),
        kh.exercises.check_01_support({"B"}), kh.exercises.check_01_support("Z"),
        kh.exercises.check_01_support(3), kh.exercises.check_01_support({"A", "C", "D"}),
        kh.exercises.check_01_my_kl(3), kh.exercises.check_01_my_kl(lambda p, q: None),
        kh.exercises.check_01_my_kl(lambda p, q: 1 / 0),
        kh.exercises.check_01_my_kl(lambda p, q: np.sum(p * np.log(p / q))),
        kh.exercises.check_01_my_kl(lambda p, q: 0.5), kh.exercises.check_01_my_kl(kh.kl_divergence),
    )]
    for text in shown:
        assert CJK.search(text) and english_runs(text) == [], text
    with pytest.raises(ValueError, match=r"q 的和为 0\.6，而不是 1"):
        kh.kl_divergence([0.5, 0.5], [0.3, 0.3])
    kh.set_language("en")
    assert repr(kh.exercises.check_01_reverse_bits(None)).startswith("✏️ Your turn: replace None")


#: Wrong, odd and pending answers: every checker meets each (one that wants a function gets the
#: callables), so every hint, slip message and refusal a learner can see is shown at least once.
ANSWERS = (None, 0.0, -1.0, 0.5, 1.0, 2.5, 100.0, float("inf"), "x", True, [1.0, 2.0], (0.5, 0.5),
           {"A"}, {"A", "B"}, {"k1"}, "k2", [[1.0, 0.0], [0.0, 1.0]], [0.7, 0.1, 0.1, 0.1],
           [0.25, 0.25, 0.25, 0.25], [0.5, 0.5, 0.0, 0.0], "forward", "reverse")
FUNCTIONS = (lambda *a, **k: None, lambda *a, **k: 1 / 0, lambda *a, **k: 0.5,
             lambda *a, **k: np.zeros(3))
CHECKERS = sorted(name for name in dir(kh.exercises) if re.match(r"check_\d\d_", name))


@pytest.mark.parametrize("name", CHECKERS)
def test_every_checker_answers_in_chinese(name):
    # The notebooks store only "your turn" and ✅; this shows every other message in Chinese.
    check = getattr(kh.exercises, name)
    kh.set_language("zh")
    try:
        shown = {repr(check(answer)) for answer in (*ANSWERS, *FUNCTIONS)}
    finally:
        kh.set_language("en")
    assert len(shown) >= 3, shown  # the battery reaches more than one message of each checker
    english = {text: english_runs(text) for text in shown if not CJK.search(text) or english_runs(text)}
    assert english == {}, english


def test_every_checker_message_is_in_the_catalog():
    # What the battery above cannot reach (a slip needs its exact wrong value): every sentence in
    # the checkers' code, other than docstrings, is a catalog key, so it is shown in Chinese.
    missing = []
    for path in sorted((ROOT / "kl_helpers" / "exercises").glob("ex*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
                      and ast.get_docstring(node) is not None}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value
                    and id(node) not in docstrings and len(re.findall(r"[A-Za-z]{2,}", node.value)) >= 3
                    and node.value not in _locale_zh.MESSAGES):
                missing.append(f"{path.name}:{node.lineno}: {node.value[:60]!r}")
    assert missing == []


def test_store_outputs_picks_the_caption_language_from_the_path():
    import store_outputs

    assert store_outputs.language_of(ROOT / "notebooks" / "zh" / "solutions" / "01_definition.ipynb") == "zh"
    assert store_outputs.language_of(ROOT / "notebooks" / "01_definition.ipynb") == "en"


def test_english_notebooks_never_switch_language():
    for path in sorted((ROOT / "notebooks").rglob("*.ipynb")):
        if tr.ZH not in path.parents:
            code = [tr.text(c) for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
                    if c["cell_type"] == "code"]
            assert not any("set_language" in c for c in code), path.name


# --- the READMEs -----------------------------------------------------------------------------------------


def _rows(text: str) -> list[tuple[str, str]]:
    """(link target, the rest of the row) of each contents row."""
    return [(m.group(1), m.group(2)) for m in re.finditer(r"^\| \[[^\]]+\]\(([^)]+)\)([^|]*)\|", text, re.M)]


def test_chinese_readme_lists_every_lesson_and_links_the_chinese_ones():
    english = _rows((ROOT / "README.md").read_text(encoding="utf-8"))
    chinese_text = (ROOT / "README.zh-CN.md").read_text(encoding="utf-8")
    chinese = _rows(chinese_text)
    assert len(chinese) == len(english) >= 9
    for (en_target, _), (zh_target, after) in zip(english, chinese, strict=True):
        twin = en_target.replace("notebooks/", "notebooks/zh/", 1)
        if (ROOT / twin).exists():
            assert zh_target == twin, f"README.zh-CN.md should link the translation {twin}"
        else:
            assert zh_target == en_target and "（英文）" in after, f"{en_target}: mark it （英文）"
        assert (ROOT / zh_target).is_file()
    assert english_runs(chinese_text) == []
    assert "(README.zh-CN.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


# --- the tool ----------------------------------------------------------------------------------------------


def test_tool_new_stamp_status_and_sync_code(tmp_path, monkeypatch):
    notebooks = tmp_path / "notebooks"
    (notebooks / "zh").mkdir(parents=True)
    english = notebooks / "01_definition.ipynb"
    english.write_bytes((ROOT / "notebooks" / "01_definition.ipynb").read_bytes())
    monkeypatch.setattr(tr, "NOTEBOOKS", notebooks)
    monkeypatch.setattr(tr, "ZH", notebooks / "zh")

    chinese = tr.new(english)
    assert chinese == notebooks / "zh" / "01_definition.ipynb" and tr.structure_problems(chinese) == []
    markdown = [i for i, c in enumerate(tr.load(english)["cells"]) if c["cell_type"] == "markdown"]
    assert len(tr.status()) == len(markdown) and "not translated yet" in tr.status()[0]
    assert tr.stamp(chinese) == len(markdown) and tr.status() == []

    nb = tr.load(english)  # an English cell changes: its translation is named
    nb["cells"][markdown[1]]["source"] = "## 1. Changed"
    nb["cells"][3]["source"] = "p = np.array([0.25, 0.5, 0.25])"
    tr.save(english, nb)
    (problem,) = tr.status()  # the code first: the structure must line up before hashes are read
    assert problem.startswith("zh/01_definition.ipynb cell 3: code differs from the English twin")
    assert tr.stale_cells(chinese) == [f"zh/01_definition.ipynb cell {markdown[1]} (the English cell "
                                       "changed): '## 1. Changed'"]
    assert tr.sync_code(chinese) == 1 and tr.structure_problems(chinese) == []
    assert tr.stamp(chinese, [markdown[1]]) == 1 and tr.status() == []
    assert tr.main(["--status"]) == 0
