"""One direction of dependency: the statement reader and the domain at the bottom, the worker
above them, the web on top. Every module of the product is placed in a layer, and no import,
at the top of a file or inside a function, may reach a higher layer."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("config", "sessions_app", "processing")

# Module prefixes, most specific first, and their layer (higher numbers sit above).
READER, DOMAIN, WORKER, WEB = 0, 1, 2, 3
LAYERS = [
    ("processing.statement_reader", READER),
    ("sessions_app.views", WEB),
    ("sessions_app.admin", WEB),
    ("sessions_app.forms", WEB),
    ("sessions_app.urls", WEB),
    ("sessions_app.uploads", WEB),
    ("sessions_app.templatetags", WEB),
    ("config", WEB),
    ("sessions_app", DOMAIN),
    ("processing", WORKER),
]
NAMES = {READER: "the statement reader", DOMAIN: "the domain", WORKER: "the worker", WEB: "the web"}


def layer_of(module: str) -> int | None:
    for prefix, layer in LAYERS:
        if module == prefix or module.startswith(prefix + "."):
            return layer
    return None


def product_modules() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join(parts)] = path
    return modules


def imports_of(path: Path, module: str) -> list[tuple[str, int]]:
    """Every product module `path` imports, with the line, wherever the import statement is."""
    found = []
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".")
                anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
                base = ".".join([*anchor, base] if base else anchor)
            found.append((base, node.lineno))
            # `from package import module` imports the module too.
            found += [(f"{base}.{alias.name}", node.lineno) for alias in node.names]
    return [(name, line) for name, line in found if name.split(".")[0] in PACKAGES]


def back_arrows(modules: dict[str, Path]) -> list[str]:
    problems = []
    for module, path in sorted(modules.items()):
        layer = layer_of(module)
        if layer is None:
            problems.append(f"{module} belongs to no layer")
            continue
        reported = set()
        for imported, line in imports_of(path, module):
            target = layer_of(imported)
            if target is None or line in reported:
                continue
            if layer == READER and target != READER:
                reported.add(line)
                problems.append(
                    f"{_where(path)}:{line}: the statement reader imports "
                    f"{imported}; it stands alone"
                )
            elif target > layer:
                reported.add(line)
                problems.append(
                    f"{_where(path)}:{line}: {module} ({NAMES[layer]}) "
                    f"imports {imported} ({NAMES[target]})"
                )
    return problems


def _where(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def test_no_module_imports_a_higher_layer():
    assert back_arrows(product_modules()) == []


def test_the_statement_reader_needs_no_django():
    modules = product_modules()
    for module, path in modules.items():
        if layer_of(module) == READER:
            names = {name for name, _ in _all_imports(path)}
            assert not {name for name in names if name.split(".")[0] == "django"}, module


def _all_imports(path: Path) -> list[tuple[str, int]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            found.append((node.module or "", node.lineno))
    return found


@pytest.mark.parametrize(
    ("module", "source", "arrow"),
    [
        ("sessions_app.models.session", "from processing.schema import X\n", "the worker"),
        ("sessions_app.progress.words", "import sessions_app.views.progress\n", "the web"),
        ("processing.tracker", "def f():\n    from sessions_app.admin import display\n", "the web"),
        ("processing.statement_reader.columns", "from processing import pages\n", "stands alone"),
        ("sessions_app.selectors.results", "from ..views import pages\n", "the web"),
    ],
)
def test_a_back_arrow_is_caught(tmp_path, module, source, arrow):
    path = tmp_path / "module.py"
    path.write_text(source)

    [problem] = back_arrows({module: path})

    assert arrow in problem
