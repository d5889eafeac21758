"""The teacher's guide (docs/teachers_guide.md) stays in step with the lessons it describes.

Structure only, no execution: every lesson has a section; every "**Predict first.**" question of a
lesson appears, word for word (whitespace normalised), in that lesson's section with an expected
answer; every exercise and problem the guide names exists in that lesson; the threads the lesson's
"Common mistakes" cite are cited; every link resolves (relative files and notebook anchors exist,
web links are well-formed).
"""

import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "teachers_guide.md"
README = ROOT / "README.md"
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
#: Lessons being written: the guide holds a heading for each until the lesson lands.
PREDICT = "**Predict first.**"


def _markdown(path: Path) -> list[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]


def _normalise(text: str) -> str:
    # Blockquote markers and line breaks are layout, not wording.
    text = re.sub(r"(?m)^\s*>\s?", "", text)
    return " ".join(text.split())


def _sections() -> dict[str, str]:
    """The guide's level-2 sections for lessons, by number: "01" -> the text up to the next "## "."""
    parts = re.split(r"(?m)^(?=## )", GUIDE.read_text(encoding="utf-8"))
    return {m.group(1): part for part in parts if (m := re.match(r"## (\d\d) · ", part))}


def _predict_questions(lesson: Path) -> list[str]:
    return [para for cell in _markdown(lesson) for para in re.split(r"\n\s*\n", cell)
            if para.lstrip().startswith(PREDICT)]


def _numbered(lesson: Path, kind: str) -> set[int]:
    return {int(m.group(1)) for cell in _markdown(lesson)
            if (m := re.match(rf"\*\*{kind} (\d+)\.\*\*", cell))}


def _common_mistakes_links(lesson: Path) -> list[str]:
    text = "\n\n".join(_markdown(lesson))
    start, end = text.find("## Common mistakes"), text.find("## Exercises")
    assert 0 <= start < end, f"{lesson.name}: no Common mistakes section before the exercises"
    return re.findall(r"\]\((https?://[^)\s]+)\)", text[start:end])


def _links(text: str) -> list[str]:
    return re.findall(r"\]\(([^)\s]+)\)", text) + re.findall(r"<(https?[^>\s]*)>", text)


def _github_slug(heading: str) -> str:
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    if path.suffix == ".ipynb":  # JupyterLab: the heading text with spaces as hyphens
        return {h.strip().replace(" ", "-") for cell in _markdown(path)
                for h in re.findall(r"(?m)^#+ (.+)$", cell)}
    return {_github_slug(h) for h in re.findall(r"(?m)^#+ (.+)$", path.read_text(encoding="utf-8"))}


def _lesson_id(lesson: Path) -> str:
    return lesson.name[:2]


def test_lessons_and_guide_are_found():
    # An empty glob would make every parametrised test below vanish.
    assert GUIDE.is_file() and len(LESSONS) >= 7
    assert sum(len(_predict_questions(lesson)) for lesson in LESSONS) >= 8


@pytest.mark.parametrize("lesson", LESSONS, ids=_lesson_id)
def test_every_lesson_has_a_complete_section(lesson):
    section = _sections().get(_lesson_id(lesson))
    assert section is not None, f"the teacher's guide has no '## {_lesson_id(lesson)} · …' section"
    for part in ("**Learning goal.**", "### 50-minute plan", "### Misconceptions to expect",
                 "### Homework", f"../notebooks/{lesson.name}", f"../notebooks/solutions/{lesson.name}",
                 f"python tools/course_links.py notebooks/{lesson.name}",
                 f"make slides NB={_lesson_id(lesson)}"):
        assert part in section, f"the guide's section for {lesson.name} lacks {part!r}"


@pytest.mark.parametrize("lesson", LESSONS, ids=_lesson_id)
def test_the_plan_fills_fifty_minutes(lesson):
    section = _sections()[_lesson_id(lesson)]
    plan = section.split("### 50-minute plan", 1)[1].split("###", 1)[0]
    spans = [(int(a), int(b)) for a, b in re.findall(r"(?m)^\| (\d+)–(\d+) \|", plan)]
    assert spans, f"{lesson.name}: the plan has no rows of the form '| a–b | …'"
    starts, ends = [a for a, _ in spans], [b for _, b in spans]
    assert starts[0] == 0 and ends[-1] == 50 and starts[1:] == ends[:-1], (
        f"{lesson.name}: the plan's rows {spans} do not run consecutively from 0 to 50 minutes")


@pytest.mark.parametrize("lesson", LESSONS, ids=_lesson_id)
def test_every_predict_first_question_is_in_the_guide_with_its_answer(lesson):
    section = _sections()[_lesson_id(lesson)]
    questions = _predict_questions(lesson)
    for question in questions:
        assert _normalise(question) in _normalise(section), (
            f"{lesson.name}: this Predict first question is not (or no longer) in the teacher's "
            f"guide, word for word:\n{question}")
    assert section.count("*Expected answer:*") == len(questions), (
        f"{lesson.name}: {len(questions)} Predict first questions, "
        f"{section.count('*Expected answer:*')} expected answers in the guide")


def test_the_guide_quotes_no_stale_predict_first_question():
    lessons = " ".join(_normalise(q) for lesson in LESSONS for q in _predict_questions(lesson))
    quoted = [para for para in re.split(r"\n\s*\n", GUIDE.read_text(encoding="utf-8"))
              if _normalise(para).startswith(PREDICT)]
    assert quoted
    for para in quoted:
        assert _normalise(para) in lessons, f"the guide quotes a question no lesson asks:\n{para}"


@pytest.mark.parametrize("lesson", LESSONS, ids=_lesson_id)
def test_assigned_exercises_and_problems_exist(lesson):
    section = _sections()[_lesson_id(lesson)]
    named = re.findall(r"\b(Exercise|Problem)s? (\d+)\b", section)
    assert any(kind == "Exercise" for kind, _ in named) and any(k == "Problem" for k, _ in named)
    for kind, number in named:
        assert int(number) in _numbered(lesson, kind), (
            f"the guide's section for {lesson.name} names {kind} {number}, which the lesson lacks")
    homework = section.split("### Homework", 1)[1]
    rows = re.findall(r"(?m)^\| \[(?:Exercise|Problem) \d+\].*$", homework)
    assert rows, f"{lesson.name}: the homework table assigns nothing"
    for row in rows:
        assert re.search(r"\| \d+ min \|$", row), f"{lesson.name}: no time in the row {row!r}"


@pytest.mark.parametrize("lesson", LESSONS, ids=_lesson_id)
def test_misconceptions_cite_the_lessons_threads(lesson):
    section = _sections()[_lesson_id(lesson)]
    for url in _common_mistakes_links(lesson):
        assert url in section, f"{lesson.name}'s Common mistakes cite {url}; the guide does not"


def test_every_link_in_the_guide_resolves():
    links = _links(GUIDE.read_text(encoding="utf-8"))
    assert len(links) > 50
    for target in links:
        if re.match(r"[a-z]+:", target):
            url = urlparse(target)
            assert url.scheme in ("https", "http") and "." in url.netloc, f"bad web link {target}"
            assert not re.search(r"\s|example\.|OWNER|REPO", target), f"placeholder link {target}"
            continue
        file, _, anchor = target.partition("#")
        path = (GUIDE.parent / file).resolve()
        assert path.is_relative_to(ROOT) and path.exists(), f"{target} does not exist"
        if anchor:
            assert anchor in _anchors(path), f"{target}: no heading {anchor!r} in {file}"


def test_readme_links_the_guide():
    readme = README.read_text(encoding="utf-8")
    section = readme.split("## Teaching with the course", 1)
    assert len(section) == 2, "the README has no 'Teaching with the course' section"
    assert "](docs/teachers_guide.md)" in section[1].split("\n## ", 1)[0]
