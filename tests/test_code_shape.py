"""House rules a reviewer would otherwise check by hand (DEVELOPERS.md)."""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "pactwatch"
LONGEST = 80


def long_functions_without_a_reason(root: Path = PACKAGE) -> list[str]:
    out = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > LONGEST and "Long because" not in (ast.get_docstring(node) or ""):
                    out.append(f"{path.relative_to(root.parent)}:{node.lineno} {node.name} ({length} lines)")
    return out


def test_no_function_over_80_lines_without_a_reason_in_its_docstring():
    assert long_functions_without_a_reason() == []


def test_the_rule_catches_a_long_function(tmp_path):
    body = "\n".join(f"    x{n} = {n}" for n in range(LONGEST))
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text(f"def f():\n{body}\n\n\ndef g():\n    \"\"\"Long because a table.\"\"\"\n{body}\n")
    assert [line.split()[1] for line in long_functions_without_a_reason(tmp_path / "pkg")] == ["f"]
