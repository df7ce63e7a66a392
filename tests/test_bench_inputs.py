"""The inputs benchmark builds stories of the sizes it names (bench/inputs.py)."""

import importlib.util
import sys
from pathlib import Path

import pytest

spec = importlib.util.spec_from_file_location("bench_inputs", Path(__file__).parent.parent / "bench" / "inputs.py")
bench = sys.modules["bench_inputs"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


@pytest.mark.parametrize("shape", bench.SHAPES)
@pytest.mark.parametrize("size", bench.SIZES)
def test_each_shape_is_the_size_it_is_timed_as(shape, size):
    name, text = bench.story(shape, size)
    assert name.endswith((".md", ".txt", ".html"))
    assert 0.9 * size <= len(text.encode()) <= 1.1 * size
