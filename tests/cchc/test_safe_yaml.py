"""Hostile YAML (issue #16): alias bombs, deep nesting and huge files refused fast, one line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cchc import safe_yaml
from cchc.errors import ConfigError, FileRefused
from cli.main import app

runner = CliRunner()


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """Return the billion-laughs YAML: each level lists `width` aliases of the one before."""
    lines = ['a0: &a0 "lol"']
    for n in range(1, levels + 1):
        refs = ", ".join(f"*a{n - 1}" for _ in range(width))
        lines.append(f"a{n}: &a{n} [{refs}]")
    return "\n".join(lines) + "\n"


def deep(levels: int = 5000) -> str:
    """Return YAML nested `levels` deep in flow style."""
    return "x: " + "[" * levels + "]" * levels + "\n"


def test_alias_bomb_refused_fast_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(alias_bomb(), encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(FileRefused, match=r"bomb\.yaml: .*bí danh"):
        safe_yaml.load(path)
    assert time.perf_counter() - started < 1.0


def test_deep_nesting_refused_without_recursion_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(deep(), encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(FileRefused, match=r"deep\.yaml:1 .*lồng sâu quá 64 cấp"):
        safe_yaml.load(path)
    assert time.perf_counter() - started < 1.0


def test_oversized_file_refused_before_reading(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CCHC_LIMITS__YAML_BYTES", "2048")
    from cchc.settings import get_settings

    get_settings.cache_clear()
    try:
        path = tmp_path / "big.yaml"
        path.write_text("k: " + "x" * 4096 + "\n", encoding="utf-8")
        with pytest.raises(FileRefused, match=r"big\.yaml: tệp lớn hơn giới hạn 2 KB"):
            safe_yaml.load(path)
    finally:
        get_settings.cache_clear()


def test_alias_count_limited_by_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CCHC_LIMITS__YAML_ALIASES", "3")
    from cchc.settings import get_settings

    get_settings.cache_clear()
    try:
        path = tmp_path / "many.yaml"
        path.write_text("a: &a 1\nb: [*a, *a, *a, *a]\n", encoding="utf-8")
        with pytest.raises(FileRefused, match=r"many\.yaml: tệp YAML dùng quá 3 bí danh"):
            safe_yaml.load(path)
    finally:
        get_settings.cache_clear()


def test_generated_file_sharing_a_list_per_unit_loads(tmp_path: Path) -> None:
    import yaml

    shared = ["mailto://so@example.org"]
    doc = {"units": [{"code": f"u-{n}", "notify": shared} for n in range(2000)]}
    path = tmp_path / "units.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    assert path.read_text(encoding="utf-8").count("*id") == 1999
    assert len(safe_yaml.load(path)["units"]) == 2000


def test_few_aliases_and_normal_nesting_still_load(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text("base: &b {x: 1}\nuse: [*b, *b]\nn: [[[1]]]\n", encoding="utf-8")
    assert safe_yaml.load(path) == {"base": {"x": 1}, "use": [{"x": 1}, {"x": 1}], "n": [[[1]]]}


def test_bad_syntax_is_a_config_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("a: [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.yaml: YAML không hợp lệ"):
        safe_yaml.load(path)


@pytest.mark.parametrize("text", [alias_bomb(), deep()], ids=["alias-bomb", "nested-5000"])
def test_validate_refuses_hostile_yaml_in_one_line_exit_2(tmp_path: Path, text: str) -> None:
    path = tmp_path / "plans" / "hostile.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    result = runner.invoke(app, ["validate", str(path)])
    assert time.perf_counter() - started < 1.0
    assert result.exit_code == 2, result.output
    said = "".join(result.output.splitlines())  # one message, however rich wraps it at 80 columns
    assert said.count("Lỗi:") == 1 and said.startswith("Lỗi:") and "hostile.yaml" in said
    assert "Traceback" not in result.output


def test_launch_dry_run_refuses_alias_bomb(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(alias_bomb(), encoding="utf-8")
    started = time.perf_counter()
    result = runner.invoke(app, ["launch", str(path), "--dry-run"])
    assert time.perf_counter() - started < 1.0
    assert result.exit_code == 2, result.output
    assert "plan.yaml" in result.output and "bí danh" in result.output
