"""The project's documents stand alone: every link in the README and in docs/ points to a file
of the repository, and no file points outside it."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINK = re.compile(r"\]\(([^)#]+)(?:#[^)]*)?\)")


def test_every_link_in_the_readme_and_docs_points_to_a_file_of_the_repository():
    documents = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    assert len(documents) > 1
    for document in documents:
        for target in LINK.findall(document.read_text(encoding="utf-8")):
            if "://" in target or target.startswith("mailto:"):
                continue
            assert (document.parent / target).exists(), (document.name, target)


def test_no_file_points_outside_the_repository():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    outside = re.compile(r"\.\./shared|DESIGN\.md|STYLE\.md")
    pointing = [
        name
        for name in tracked
        if name.endswith((".py", ".md", ".html", ".txt", ".toml", ".sh", "Makefile", "run"))
        and name != "tests/test_documents.py"
        and outside.search((ROOT / name).read_text(encoding="utf-8", errors="replace"))
    ]
    assert not pointing
