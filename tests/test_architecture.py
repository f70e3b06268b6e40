"""The layers of the package import one way only, and the core works without the speed package."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT, SAMPLE, run_acct

PACKAGE = PROJECT / "accountability"
# Lowest first: a module may import from its own layer and the layers before it, never from one after it.
LAYERS = [
    {"__init__", "problems", "periods", "suggest", "codes"},
    {"i18n"},
    {"model"},
    {"files"},
    {"scoring"},
    {"checks"},
    {"engine"},
    {"queries"},
    {"authoring"},
    {"render"},
    {"speed"},
    {"cli", "__main__"},
    {"spark_rollup"},
]
RANK = {name: i for i, layer in enumerate(LAYERS) for name in layer}


def layer_of(module: str) -> str:
    """accountability.files.read → files; accountability → __init__."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("accountability"):
            found.append(node.module)
            if (
                node.module == "accountability"
            ):  # `from accountability import cli` imports a module; a name is __init__'s
                found += [f"accountability.{a.name}" for a in node.names if (PACKAGE / a.name).exists()]
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name.startswith("accountability")]
    return [module for module in found if module != "accountability"]


def test_every_module_belongs_to_a_layer() -> None:
    names = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in PACKAGE.glob("*") if p.suffix == ".py"}
    names |= {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert names <= set(RANK), names - set(RANK)


def test_no_import_runs_up_the_layers_and_only_the_cli_imports_speed() -> None:
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = layer_of("accountability." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts))
        for module in imports(path):
            there = layer_of(module)
            if RANK[there] > RANK[here] or (there == "speed" and here not in ("speed", "cli")):
                upward.append(f"{path.relative_to(PROJECT)} imports {module}")
    assert upward == []


BLOCKED = (
    "import sys; sys.modules['accountability.speed'] = None\n"  # any import of it now fails, as if it were not there
    "from accountability.cli import main; sys.argv = ['acct', *sys.argv[1:]]; main()\n"
)


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--as-of", "2023-12-31"),
        ("score", "2023-Q2", "--as-of", "2023-12-31"),
        ("overdue", "--as-of", "2023-07-10", "--format", "json"),
    ],
)
def test_the_core_gives_the_same_answers_with_the_speed_package_gone(args: tuple[str, ...]) -> None:
    with_speed = run_acct(*args, "--root", str(SAMPLE))
    without = subprocess.run(
        [sys.executable, "-c", BLOCKED, *args, "--root", str(SAMPLE)], capture_output=True, text=True, timeout=120
    )
    assert "Traceback" not in without.stderr
    assert (without.returncode, without.stdout) == (with_speed.returncode, with_speed.stdout)
