"""The Chinese teacher's guide (docs/teachers_guide.zh-CN.md) stays in step with the English one.

Structure only, no execution, section by section (a section: the text from one heading to the next):

* the same headings (levels, count, order) as docs/teachers_guide.md;
* under each Chinese heading, ``<!-- kl_translation: <hash> -->`` records the hash of the English
  section it translates (tools/translations.py, ``section_hash``); the test fails, naming the
  section, when the English section has changed since (update the Chinese text, then
  ``python tools/translations.py --stamp-guide [--cells i,j]``);
* the same mathematics and inline code spans (as multisets), every glossary term rendered the one
  way and never an avoided way, no English prose left outside code, mathematics, links' targets
  and cited titles;
* each "先预测" question is quoted word for word as the Chinese lesson asks it;
* every relative link resolves (a notebook anchor to a heading); lessons and worked solutions are
  the Chinese twins, any other English-only target is marked （英文）; the two guides link each other.

The English guide's own checks against the lessons: tests/test_teachers_guide.py.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest
import test_teachers_guide as guide_tests  # the English guide's helpers (anchors, normalising)
import test_translations as notebook_tests  # the notebooks' helpers (maths, code, glossary, prose)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import translations as tr  # noqa: E402  (tools/ is not a package)

EN_TEXT = tr.GUIDE.read_text(encoding="utf-8")
ZH_TEXT = tr.GUIDE_ZH.read_text(encoding="utf-8")
EN, ZH = tr.markdown_sections(EN_TEXT), tr.markdown_sections(ZH_TEXT)
PAIRS = list(zip(ZH, EN, strict=False))  # test_same_headings fails when the counts differ
IDS = [f"{i:02d}-{tr.heading_of(e).lstrip('# ')[:30]}" for i, e in enumerate(EN)]
PREDICT_ZH = "**先预测。**"


def _where(i: int) -> str:
    return f"{tr.GUIDE_ZH.name} section {i} ({tr.heading_path(EN, i)!r})"


def test_both_guides_are_read():
    # An empty split would make every parametrized test below vanish.
    assert len(EN) >= 40 and len(ZH) >= 40
    assert ZH[0].startswith("# 教师指南") and ZH_TEXT.count(PREDICT_ZH) >= 10


def test_same_headings():
    assert tr.guide_structure_problems() == []


def test_every_section_translates_the_current_english_section():
    stale = tr.guide_stale()
    assert stale == [], ("English sections changed (or were never stamped) since their translation: "
                         "update the Chinese text, then `python tools/translations.py --stamp-guide "
                         "--cells i,j`:\n" + "\n".join(stale))


@pytest.mark.parametrize(("zh", "en"), PAIRS, ids=IDS[:len(PAIRS)])
def test_mathematics_and_code_are_left_as_they_are(zh, en):
    where = _where(EN.index(en))
    math_zh, math_en = Counter(notebook_tests._math(zh)), Counter(notebook_tests._math(en))
    assert math_zh == math_en, (f"{where}: mathematics differs: only in Chinese "
                                f"{list(math_zh - math_en)}, only in English {list(math_en - math_zh)}")
    code_zh, code_en = Counter(notebook_tests._code_spans(zh)), Counter(notebook_tests._code_spans(en))
    assert code_zh == code_en, (f"{where}: code spans differ: only in Chinese {list(code_zh - code_en)}, "
                                f"only in English {list(code_en - code_zh)}")


#: Glossary words used in another sense: "the author's expectation" is what the author expects
#: (作者的预期), not an expectation E[X] (期望).
OTHER_SENSES = (r"author's\s+expectation",)


def _without_titles(text: str) -> str:
    """English text where a glossary term counts: without the titles it cites (quoted or in
    italics, which stay untranslated) and without :data:`OTHER_SENSES`."""
    titles = (r"(?<!\*)\*([^*\n]+)\*(?!\*)", r'"((?:[^"\n]|\n(?!\n))+)"', r"“([^”\n]+)”")
    for pattern in (*titles, *OTHER_SENSES):
        text = re.sub(pattern, " ", text)
    return text


@pytest.mark.parametrize(("zh", "en"), PAIRS, ids=IDS[:len(PAIRS)])
def test_glossary_terms_and_no_english_prose(zh, en):
    where = _where(EN.index(en))
    problems = notebook_tests.glossary_problems(tr.without_stamp(zh), _without_titles(en), where)
    problems += [f"{where}: English left: {run!r}" for run in notebook_tests.english_runs(zh)]
    assert problems == [], "\n".join(problems)


def _lesson_sections() -> dict[str, str]:
    """The Chinese guide's lesson sections with their subsections: "01" -> text up to the next "## "."""
    parts = re.split(r"(?m)^(?=## )", ZH_TEXT)
    return {m.group(1): part for part in parts if (m := re.match(r"## (\d\d) · ", part))}


def test_predict_first_questions_are_the_chinese_lessons_words():
    sections = _lesson_sections()
    assert len(sections) >= 9
    for number, section in sections.items():
        (lesson,) = tr.ZH.glob(f"{number}_*.ipynb")
        asked = [guide_tests._normalise(q) for q in guide_tests._markdown(lesson)
                 for q in re.split(r"\n\s*\n", q) if q.lstrip().startswith(PREDICT_ZH)]
        quoted = [guide_tests._normalise(p) for p in re.split(r"\n\s*\n", section)
                  if guide_tests._normalise(p).startswith(PREDICT_ZH)]
        assert quoted == asked, f"section {number}: the quoted 先预测 questions are not zh/{lesson.name}'s"
        assert section.count("*预期答案：*") == len(asked), f"section {number}: an answer a question"


def _links(text: str) -> list[tuple[str, str]]:
    """(target, the text right after the link) of every Markdown link."""
    return [(m.group(1), text[m.end():m.end() + 4]) for m in re.finditer(r"\]\(([^)\s]+)\)", text)]


def test_links_resolve_and_go_to_the_chinese_edition():
    links = _links(ZH_TEXT)
    assert len(links) > 80
    for target, after in links:
        if re.match(r"[a-z]+:", target):
            continue
        file, _, anchor = target.partition("#")
        path = (tr.GUIDE_ZH.parent / file).resolve()
        assert path.is_relative_to(ROOT) and path.exists(), f"{target} does not exist"
        if anchor:
            assert anchor in guide_tests._anchors(path), f"{target}: no heading {anchor!r} in {file}"
        lesson = re.match(r"\.\./notebooks/(solutions/)?(\d\d_\w+\.ipynb|explorer\.ipynb)$", file)
        if lesson:  # a lesson, its worked solutions or the explorer: the Chinese twin
            pytest.fail(f"{target}: link the Chinese twin ../notebooks/zh/{lesson.group(1) or ''}"
                        f"{lesson.group(2)}")
        chinese = file.startswith("../notebooks/zh/") or file == "teachers_guide.md"
        assert chinese or after.startswith("（英文"), f"{target}: an English page, mark it （英文）"


def test_the_two_guides_link_each_other():
    assert "](teachers_guide.zh-CN.md)" in EN[0] and "](teachers_guide.md)" in ZH[0]


def test_stamping_tool_names_a_changed_section(tmp_path):
    english, chinese = tmp_path / "en.md", tmp_path / "zh.md"
    english.write_text("# A\n\nintro\n\n## B\n\nold text\n\n## C\n\nlast\n", encoding="utf-8")
    chinese.write_text("# 甲\n\n引言\n\n## 乙\n\n旧文\n\n## 丙\n\n最后\n", encoding="utf-8")
    assert tr.guide_stale(english, chinese) == [f"zh.md section {i} (not stamped): {h!r}"
                                                for i, h in enumerate(("# A", "## B", "## C"))]
    assert tr.stamp_guide(english=english, chinese=chinese) == 3
    assert tr.guide_stale(english, chinese) == []
    first = tr.section_hash("# A\n\nintro\n\n")
    assert chinese.read_text(encoding="utf-8").startswith(f"# 甲\n<!-- kl_translation: {first} -->\n\n引言")

    english.write_text(english.read_text(encoding="utf-8").replace("old text", "new text"), encoding="utf-8")
    assert tr.guide_stale(english, chinese) == ["zh.md section 1 (the English section changed): '## B'"]
    assert tr.stamp_guide([2], english=english, chinese=chinese) == 0  # only the sections asked for
    assert tr.stamp_guide([1], english=english, chinese=chinese) == 1
    assert tr.guide_stale(english, chinese) == []
    assert chinese.read_text(encoding="utf-8").count("kl_translation") == 3

    english.write_text("# A\n\n### B\n", encoding="utf-8")  # the headings no longer line up
    (problem,) = tr.guide_stale(english, chinese)
    assert problem.startswith("zh.md: 3 headings, en.md 2")
