"""Code rules: ruff's default checks, the import layers, short functions,
pure modules that load no database library, and the environment read in
one place (papi_data/settings.py)."""
import ast
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(sys.executable).parent
MAX_LINES = 80
# Functions still over the limit; remove an entry when the function is split.
KNOWN_LONG: set[tuple[str, str]] = set()


# Checks and parsers the reader processes and pages use without a store; a
# package __init__ runs on import too, which the import contracts do not see.
PURE_MODULES = ["papi_data.consistency", "papi_data.ingest.validate", "papi_data.ingest.diff", "papi_data.targets",
                "papi_data.screens"]


def _lengths():
    out = {}
    for d in ("papi_data", "ui", "pages"):
        for p in sorted((ROOT / d).rglob("*.py")):
            for n in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
                if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    key = (p.relative_to(ROOT).as_posix(), n.name)
                    out[key] = max(out.get(key, 0), n.end_lineno - n.lineno + 1)
    return out


def _run(tool, *args):
    r = subprocess.run([str(BIN / tool), *args], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_ruff_check():
    _run("ruff", "check", ".")


def test_import_layers():
    _run("lint-imports")


def test_no_function_over_80_lines():
    long = {k for k, n in _lengths().items() if n > MAX_LINES}
    assert long - KNOWN_LONG == set()


def test_known_long_list_is_not_stale():
    lengths = _lengths()
    assert {k for k in KNOWN_LONG if lengths.get(k, 0) <= MAX_LINES} == set()


@pytest.mark.parametrize("module", PURE_MODULES)
def test_pure_module_loads_no_sqlalchemy(module):
    code = f"import sys, {module}; assert 'sqlalchemy' not in sys.modules, 'sqlalchemy loaded'"
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


def _environment_reads(tree: ast.AST) -> list[int]:
    """Lines reading os.environ / os.getenv. Assigning or deleting an item
    (os.environ["X"] = ..., for a library that reads it) is not a read."""
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    out = []
    for n in ast.walk(tree):
        named = (isinstance(n, ast.Attribute) and n.attr in ("environ", "getenv", "environb")
                 or isinstance(n, ast.Name) and n.id in ("environ", "getenv"))
        if not named:
            continue
        up = parents.get(n)
        if isinstance(up, ast.Subscript) and up.value is n and isinstance(up.ctx, (ast.Store, ast.Del)):
            continue
        out.append(n.lineno)
    return out


def test_environment_read_only_in_settings():
    files = [ROOT / "dashboard.py"] + [p for d in ("papi_data", "ui", "pages") for p in sorted((ROOT / d).rglob("*.py"))]
    found = {p.relative_to(ROOT).as_posix(): lines for p in files
             if (lines := _environment_reads(ast.parse(p.read_text(encoding="utf-8"))))}
    found.pop("papi_data/settings.py", None)
    assert found == {}
