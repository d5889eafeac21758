"""What a teacher pins a semester to: licences, citation, one version everywhere, deprecations."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import pytest
import yaml

import kl_helpers as kh
from kl_helpers import _deprecation

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def _changelog_versions() -> list[str]:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    return re.findall(r"^## (\d+\.\d+\.\d+)\b", text, re.M)


def test_one_version_in_package_citation_and_changelog():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert kh.__version__ == VERSION
    assert citation["version"] == VERSION
    assert _changelog_versions()[0] == VERSION, "CHANGELOG.md's latest entry is the package version"


def test_citation_file_has_what_github_and_zenodo_read():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    for key in ("cff-version", "message", "title", "authors", "version", "license", "repository-code"):
        assert citation.get(key), key
    assert citation["license"] == tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"]


def test_licences_exist_and_the_readme_states_them():
    assert "BSD 3-Clause License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    content = (ROOT / "LICENSE-CONTENT.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in content and "creativecommons.org/licenses/by/4.0" in content
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "LICENSE-CONTENT.md" in readme and "(LICENSE)" in readme and "CITATION.cff" in readme


def test_a_renamed_helper_warns_and_names_its_replacement(monkeypatch):
    monkeypatch.setitem(_deprecation.RENAMED, "kl_gauss", ("kl_normal_normal", "0.2.0"))
    with pytest.warns(FutureWarning, match=r"kh\.kl_gauss was renamed to kh\.kl_normal_normal in "
                                           r"kl-helpers 0\.2\.0.*use kh\.kl_normal_normal"):
        old = kh.kl_gauss
    assert old is kh.kl_normal_normal
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        kh.kl_normal_normal  # noqa: B018  (the new name never warns)
    with pytest.raises(AttributeError, match="has no attribute 'kl_gausss'"):
        kh.kl_gausss  # noqa: B018


def _minor(version: str) -> tuple[int, int]:
    major, minor, _ = (int(x) for x in version.split("."))
    return major, minor


@pytest.mark.parametrize("old", sorted(_deprecation.RENAMED) or ["(none)"])
def test_deprecated_names_last_one_release_and_point_at_real_names(old):
    if old == "(none)":
        assert _deprecation.RENAMED == {}
        return
    new, since = _deprecation.RENAMED[old]
    assert new in kh.__all__, f"{old} points at {new}, which is not a public name"
    assert old not in kh.__all__
    assert _minor(VERSION) <= (_minor(since)[0], _minor(since)[1] + 1), (
        f"{old} was deprecated in {since}: remove it now (one release of warnings is over)")
    assert re.search(rf"\b{old}\b", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")), (
        f"CHANGELOG.md does not mention the rename of {old}")


def test_every_notebook_shows_the_course_version_and_its_licences():
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    import stamp

    version, repository, release = stamp.settings()
    assert version == VERSION
    line = stamp.footer_line(version, repository, release)
    assert f"version {VERSION} " in line and "CC BY 4.0" in line
    stale = []
    for path in stamp.notebooks():
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        footer = next(c for c in reversed(cells) if c["cell_type"] == "markdown")
        if line not in "".join(footer["source"]):
            stale.append(path.name)
    assert len(stamp.notebooks()) >= 15 and not stale, f"run python tools/stamp.py: {stale}"


def test_release_command_refuses_a_missing_changelog_entry_and_a_bad_version():
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    import release

    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    release.check_changelog(text, VERSION)  # the current version has its entry
    with pytest.raises(release.ReleaseError, match=r"latest entry is .*, not 9\.9\.9: add a '## 9\.9\.9'"):
        release.check_changelog(text, "9.9.9")
    assert release.check_version("v0.2.0") == "0.2.0"
    with pytest.raises(release.ReleaseError, match=r"must look like 0\.2\.0"):
        release.check_version("0.2")
    assert release.main(["0.2"]) == 1  # refused before anything is written
