"""Imports flow one way, down the layers: an app imports only the apps below it (or beside it,
at its own level), never one above. The order is declared here, once; docs/architecture.md says it.

A lower app that needs a higher one's answer is passed it: an argument, a hook the higher app
fills at start-up, a signal whose receiver lives up there. Migrations are history and are not
read; the root URLconf (va_conference/urls.py) gathers every app's addresses and is excepted.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The apps from the bottom up; apps in one tuple are at the same level.
LAYERS = [
    ("va_conference",),
    ("sessions",),
    ("registrations",),
    ("delegations",),
    ("floor", "letters", "sponsorship"),
    ("organizers", "api"),
    ("demo", "bench"),
]
LEVEL = {app: level for level, apps in enumerate(LAYERS) for app in apps}
EXCEPTED = {Path("va_conference", "urls.py")}


def imported_modules(path):
    """(line, module) of each absolute import in the module at `path`."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module


def upward_imports():
    """{(file, module): line} of every import from a lower app to a higher one."""
    found = {}
    for app, level in LEVEL.items():
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if "migrations" in relative.parts or relative in EXCEPTED:
                continue
            for line, module in imported_modules(path):
                imported = module.split(".")[0]
                if LEVEL.get(imported, -1) > level:
                    found[(relative.as_posix(), module)] = line
    return found


def test_no_app_imports_one_above_it():
    found = upward_imports()
    assert not found, "Imports from a lower app to a higher one:\n" + "\n".join(
        f"{file}:{line} imports {module}" for (file, module), line in sorted(found.items())
    )


def test_every_app_has_its_level():
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")} | {"bench"}
    assert apps <= set(LEVEL), apps - set(LEVEL)
