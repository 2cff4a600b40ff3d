"""The package: public names, versions, typing files."""

from __future__ import annotations

import ast
import pathlib
import re

import backorder
from bo_support import ROOT

PACKAGE = pathlib.Path(backorder.__file__).parent


def test_imported_from_the_build_tree():
    assert (PACKAGE / "_native.pyi").is_file()
    assert backorder._native.__file__.startswith(str(PACKAGE))


def test_versions():
    cmake = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    version = re.search(r"project\(backorder VERSION ([0-9.]+)", cmake).group(1)
    assert backorder.__version__ == version == backorder.version()
    header = (ROOT / "capi" / "include" / "backorder.h").read_text(encoding="utf-8")
    abi = int(re.search(r"#define BO_ABI_VERSION (\d+)", header).group(1))
    assert backorder.abi_version() == abi


def test_typing_files_ship_with_the_package():
    assert (PACKAGE / "py.typed").is_file()
    assert (PACKAGE / "__init__.pyi").is_file()
    assert (PACKAGE / "_native.pyi").is_file()


def test_stub_exports_what_the_package_exports():
    stub = ast.parse((PACKAGE / "__init__.pyi").read_text(encoding="utf-8"))
    names = set()
    for node in stub.body:
        if isinstance(node, ast.ImportFrom):
            names.update(a.asname or a.name for a in node.names)
        elif isinstance(node, ast.FunctionDef):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    assert set(backorder.__all__) <= names
    for name in backorder.__all__:
        assert hasattr(backorder, name), name


def test_native_stub_covers_the_native_module():
    stub = ast.parse((PACKAGE / "_native.pyi").read_text(encoding="utf-8"))
    declared = {}
    for node in stub.body:
        if isinstance(node, ast.ClassDef):
            declared[node.name] = {n.name for n in node.body if isinstance(n, ast.FunctionDef)}
        elif isinstance(node, ast.FunctionDef):
            declared.setdefault("", set()).add(node.name)
    native = backorder._native
    public = {n for n in dir(native) if not n.startswith("_") and callable(getattr(native, n))}
    assert public - set(declared) - declared[""] == set()
    classes = {n for n in public if isinstance(getattr(native, n), type)}
    assert {"Engine", "Labeler", "Batch", "PromiseBook"} <= classes
    for cls in classes:
        members = {n for n in vars(getattr(native, cls)) if not n.startswith("_")}
        assert members <= declared[cls], (cls, members - declared[cls])


def test_exception_hierarchy():
    assert issubclass(backorder.ValidationError, backorder.Error)
    assert issubclass(backorder.Error, ValueError)
    err = backorder.Error("bad", path="item.sku")
    assert (err.path, err.message, err.code, str(err)) == ("item.sku", "bad", backorder.ErrorCode.invalid, "item.sku: bad")
