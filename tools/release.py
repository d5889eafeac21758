"""Prepare a release of the course, without publishing anything.

    python tools/release.py 0.2.0              # or: make release VERSION=0.2.0
    python tools/release.py 0.2.0 --no-tests   # skip the full test suite (not for a real release)

In order, stopping at the first problem:

1. checks that ``CHANGELOG.md``'s latest entry is ``## 0.2.0`` (write it first: what changed for
   a teacher — lessons added, exercises renumbered, outputs changed, helpers renamed);
2. pins the version everywhere (``tools/set_release.py v0.2.0``: package version, launch links,
   install cells, CITATION.cff, the version line in every notebook);
3. runs the whole test suite (``make test``) and checks that nothing is left out of date;
4. builds the wheel and sdist into ``dist/`` and runs ``twine check`` on them;
5. builds the website (``make site``) when the Makefile has that target.

It then prints the git commands that tag and push the release; it runs none of them.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import set_release  # noqa: E402  (tools/ is not a package)

VERSION = re.compile(r"^\d+\.\d+\.\d+$")


class ReleaseError(Exception):
    """A release cannot be prepared; the message says what to do."""


def check_version(version: str) -> str:
    """``version`` without a leading v, refused unless it reads X.Y.Z."""
    version = version.removeprefix("v")
    if not VERSION.match(version):
        raise ReleaseError(f"version must look like 0.2.0 (major.minor.patch), got {version!r}")
    return version


def check_changelog(text: str, version: str) -> None:
    """Refuse a release whose CHANGELOG.md does not open with an entry for ``version``."""
    entries = re.findall(r"^## (\d+\.\d+\.\d+)\b", text, re.M)
    if not entries or entries[0] != version:
        latest = entries[0] if entries else "none"
        raise ReleaseError(f"CHANGELOG.md's latest entry is {latest}, not {version}: add a "
                           f"'## {version}' section at the top saying what changed for a teacher")


def _run(command: list[str]) -> None:
    print("$", " ".join(command), flush=True)
    if subprocess.run(command, cwd=ROOT, check=False).returncode != 0:
        raise ReleaseError(f"`{' '.join(command)}` failed (see above)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("version", help="e.g. 0.2.0")
    parser.add_argument("--no-tests", action="store_true", help="skip `make test` (never for a real release)")
    args = parser.parse_args(argv)
    try:
        version = check_version(args.version)
        check_changelog((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), version)
        if set_release.main([f"v{version}"]) != 0:
            raise ReleaseError("tools/set_release.py could not pin the version (see above)")
        if not args.no_tests:
            _run(["make", "test"])
        if set_release.main(["--check"]) != 0:
            raise ReleaseError("a file no longer pins the release after the tests")
        dist = ROOT / "dist"
        shutil.rmtree(dist, ignore_errors=True)
        _run([sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT)])
        _run([sys.executable, "-m", "twine", "check", "--strict", *map(str, sorted(dist.iterdir()))])
        if re.search(r"^site:", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M):
            _run(["make", "site"])
    except ReleaseError as error:
        print(f"release: {error}", file=sys.stderr)
        return 1
    print(f"\nRelease {version} is prepared: dist/ holds the wheel and sdist"
          + (", build/site the website" if (ROOT / "build" / "site").exists() else "") + ".\n"
          "Nothing was published. Review `git diff`, then:\n"
          f'    git commit -am "Release {version}"\n'
          f'    git tag -a v{version} -m "kl-helpers {version}"\n'
          f'    git push origin main v{version} "v{version}^{{commit}}:refs/heads/release"')
    return 0


if __name__ == "__main__":
    sys.exit(main())
