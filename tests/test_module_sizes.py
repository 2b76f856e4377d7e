"""No Python module of ours passes 400 lines: a longer one is split by what it holds, so that a
newcomer finds each thing by its name. Migrations and the demonstration data are not code to
read, nor is what is installed."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LONGEST = 400
# Installed or generated folders, as ruff skips them, and the migrations.
NOT_OURS = {".venv", "node_modules", "staticfiles", "media", "migrations"}
DEMO_DATA = Path("demo", "data")


def modules(root):
    """{path relative to `root`: its number of lines} of every Python module of ours."""
    found = {}
    for folder, subfolders, names in os.walk(root):
        here = Path(folder).relative_to(root)
        # Pruned in place, so that os.walk does not go down them.
        subfolders[:] = [
            name
            for name in subfolders
            if name not in NOT_OURS and not name.startswith(".") and here / name != DEMO_DATA
        ]
        for name in names:
            if name.endswith(".py"):
                text = (Path(folder) / name).read_text(encoding="utf-8")
                found[here / name] = len(text.splitlines())
    return found


def longer_than_allowed(root):
    """{path: lines} of the modules under `root` past LONGEST lines."""
    return {str(path): lines for path, lines in sorted(modules(root).items()) if lines > LONGEST}


def test_no_module_outside_migrations_and_demo_data_passes_400_lines():
    counted = modules(ROOT)
    assert Path("va_conference", "settings.py") in counted
    assert Path("sessions", "models", "statement.py") in counted
    too_long = longer_than_allowed(ROOT)
    assert not too_long, f"Longer than {LONGEST} lines; split by what they hold: {too_long}"


def test_a_module_past_400_lines_is_named_but_not_a_migration_nor_demo_data(tmp_path):
    def write(path, lines):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x = 1\n" * lines)

    write(tmp_path / "sessions" / "models" / "statement.py", LONGEST + 1)
    write(tmp_path / "sessions" / "search.py", LONGEST)
    write(tmp_path / "sessions" / "migrations" / "0001_initial.py", 5000)
    write(tmp_path / "demo" / "data" / "conference.py", 5000)
    write(tmp_path / ".venv" / "lib" / "django.py", 5000)

    assert longer_than_allowed(tmp_path) == {"sessions/models/statement.py": LONGEST + 1}
