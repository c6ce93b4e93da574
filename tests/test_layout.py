"""The stages are the layout: a walk over every import in narrator/ (AST, function-level imports
included) fails on an import cycle or on an edge the layout forbids."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "narrator"
STAGES = ("parse", "script", "synthesis", "engines", "assembly", "publishing")
ALLOWED_BETWEEN_STAGES = {("synthesis", "engines")}
BASE = ("_version", "config", "errors", "events", "values", "choices", "text", "util", "normalize")
TOP = ("pipeline", "course", "cli", "progress", "rebuild", "review", "review_server", "review_session", "server",
       "__init__", "__main__")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        is_pkg = path.name == "__init__.py"
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = name.split(".") if is_pkg else name.split(".")[:-1]
                    base = base[: len(base) - (node.level - 1)]
                    mod = ".".join(base + ([node.module] if node.module else []))
                else:
                    mod = node.module or ""
                targets = [mod] + [f"{mod}.{a.name}" for a in node.names]
            for t in targets:
                if t in modules and t != name:
                    edges.add(t)
        graph[name] = edges
    return graph


def area(module: str) -> str:
    """The layout unit a module belongs to: a stage package, a base module, or a top module."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def forbidden_edges(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    bad = []
    for mod, edges in graph.items():
        src = area(mod)
        for dst_mod in edges:
            dst = area(dst_mod)
            if src == dst or dst in BASE or (src, dst) in ALLOWED_BETWEEN_STAGES:
                continue
            if src in TOP and not (src == "pipeline" and dst in ("course", "cli")):
                continue  # the top modules put the stages together; course imports pipeline, never the reverse
            bad.append((mod, dst_mod))
    return sorted(bad)


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Import cycles, leaving out a package's __init__ importing its own modules (a re-export)."""
    def own(pkg: str, mod: str) -> bool:
        return mod.startswith(pkg + ".")

    edges = {m: {d for d in ds if not own(m, d)} for m, ds in graph.items()}
    found: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                found.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return found


def test_stage_packages_import_only_the_base_and_their_allowed_neighbours():
    bad = forbidden_edges(import_graph())
    assert bad == [], "forbidden imports: " + ", ".join(f"{a} -> {b}" for a, b in bad)


def test_nothing_imports_the_package_root():
    importers = [m for m, edges in import_graph().items() if "narrator" in edges and m != "narrator.__main__"]
    assert importers == []


def test_no_import_cycles():
    found = cycles(import_graph())
    assert found == [], "import cycles: " + "; ".join(" -> ".join(c) for c in found)


def test_the_walk_catches_a_forbidden_edge_and_a_cycle():
    graph = import_graph()
    graph["narrator.parse.html"].add("narrator.publishing.player")
    assert ("narrator.parse.html", "narrator.publishing.player") in forbidden_edges(graph)
    graph["narrator.course"].add("narrator.pipeline")
    graph["narrator.pipeline"].add("narrator.course")
    assert forbidden_edges(graph) and cycles(graph)
