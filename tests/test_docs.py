"""Documentation that tests keep honest: the README's column table and command list match the code."""

from analytics import schema
from analytics.__main__ import build_parser


def readme(root):
    return (root / "README.md").read_text(encoding="utf-8")


def test_readme_column_table_matches_schema(root):
    assert schema.describe() in readme(root)


def test_readme_lists_every_command(root):
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    text = readme(root)
    for action in sub._choices_actions:
        assert f"| `{action.dest}` | {action.help} |" in text


def test_readme_gives_exactly_the_two_commands_and_ci_runs_the_test_one(root):
    text = readme(root)
    blocks = text.split("```sh\n")
    commands = [b.split("```")[0].strip() for b in blocks[1:3]]
    assert commands == ["scripts/dashboard.sh", "scripts/test.sh"]
    assert "scripts/test.sh" in (root / ".ci" / "run").read_text()
