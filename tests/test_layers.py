"""The floors of the code, as docs/architecture.md draws them: the domain at the bottom, the
infrastructure beside it, the delivery packages on top, and the suggestion engine apart. An
import that goes the wrong way fails here, with the module that made it."""

import ast
from pathlib import Path

import pytest

CLAIMS = Path(__file__).resolve().parents[1] / "claims"
DELIVERY = (
    "claims.public",
    "claims.api",
    "claims.admin",
    "claims.management",
    "claims.monitoring.admin",
    "claims.monitoring.management",
    "claims.external.admin",
    "claims.external.management",
    "claims.discussion.admin",
)
INFRASTRUCTURE = (
    "claims.db",
    "claims.imports",
    "claims.jobs",
    "claims.monitoring",
    "claims.matching",
    "claims.external",
)
# Wiring, not a floor: the app's start-up connects signals and database code from every floor.
WIRING = {"claims.apps"}


def module_name(path: Path) -> str:
    parts = path.relative_to(CLAIMS.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """Every claims module `path` imports, wherever the import statement stands."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return {module for module in found if module.split(".")[0] == "claims"}


def within(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def floor(module: str) -> str:
    if within(module, ("claims.suggest",)):
        return "engine"
    if within(module, (*DELIVERY, "claims.templatetags")):
        return "delivery"
    if within(module, INFRASTRUCTURE):
        return "infrastructure"
    if within(module, ("claims.migrations",)):
        return "migrations"
    return "domain"


MODULES = sorted(p for p in CLAIMS.rglob("*.py") if "migrations" not in p.parts)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_imports_follow_the_floors(path):
    name = module_name(path)
    if name in WIRING:
        return
    mine = floor(name)
    wrong = set()
    for target in imported(path):
        theirs = floor(target)
        if mine == "engine" and theirs != "engine":
            wrong.add(target)  # the engine is plain Python: no desk, no Django models
        elif mine in ("domain", "infrastructure") and theirs == "delivery":
            wrong.add(target)
        elif mine == "infrastructure" and theirs == "domain" and name.startswith("claims.imports"):
            # Reading articles knows nothing of the desk's models and rules.
            if not within(target, ("claims.text",)):
                wrong.add(target)
        elif within(name, ("claims.admin",)) and within(target, ("claims.public", "claims.api")):
            wrong.add(target)  # the desk's pages never reach into the readers'
        elif within(name, ("claims.public",)) and within(target, ("claims.api", "claims.admin")):
            wrong.add(target)
    assert not wrong, f"{name} ({mine}) imports {sorted(wrong)}"


def test_the_engine_does_not_import_django():
    for path in (CLAIMS / "suggest").rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom | ast.Import):
                names = (
                    [node.module or ""]
                    if isinstance(node, ast.ImportFrom)
                    else [alias.name for alias in node.names]
                )
                assert not any(n.split(".")[0] == "django" for n in names), path
