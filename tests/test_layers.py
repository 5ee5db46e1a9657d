"""The domain (``newsfacts/``) stands without the delivery layer: it imports neither ``api`` nor the REST frameworks."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

DOMAIN = Path(__file__).resolve().parent.parent / "newsfacts"
DELIVERY = ("api", "rest_framework", "drf_spectacular", "django_filters.rest_framework")
# The settings name the API's classes as strings (REST_FRAMEWORK) but import nothing of it.
MODULES = sorted(path for path in DOMAIN.rglob("*.py") if "migrations" not in path.parts)


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(DOMAIN)))
def test_domain_module_imports_nothing_of_the_api(path: Path) -> None:
    leaks = {name for name in _imports(path) for layer in DELIVERY if name == layer or name.startswith(f"{layer}.")}
    assert not leaks, f"{path.relative_to(DOMAIN.parent)} imports {sorted(leaks)}"
