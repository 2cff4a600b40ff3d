"""The wheel's native part: CMake builds backorder._native, setuptools only packs it (docs/install.md).

BACKORDER_BUILD_DIR=<a configured build tree> reuses that tree (scripts/package.sh passes build/dev);
otherwise a private Release tree is configured under setuptools' build_temp with this interpreter.
The version is the CMake project's, so the wheel cannot disagree with the library.
"""
import glob
import os
import pathlib
import re
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def project_version():
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    return re.search(r"project\(backorder VERSION ([0-9.]+)", text).group(1)


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build = os.environ.get("BACKORDER_BUILD_DIR")
        if build:
            build = pathlib.Path(build).resolve()
        else:
            build = pathlib.Path(self.build_temp).resolve() / "cmake"
            subprocess.check_call(["cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
                                   "-DBO_BUILD_TESTS=OFF", "-DBO_BUILD_BENCH=OFF", "-DPYBIND11_FINDPYTHON=ON",
                                   f"-DPython_EXECUTABLE={sys.executable}"])
        subprocess.check_call(["cmake", "--build", str(build), "--target", "_native", "--parallel",
                               str(os.cpu_count() or 1)])
        built = glob.glob(str(build / "python" / "backorder" / "_native*.so"))
        if len(built) != 1:
            raise RuntimeError(f"expected one backorder/_native*.so in {build}/python, found {built}")
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[0], target)
        # The build's debug info is for debugging the build, not for shipping (it is most of the size).
        subprocess.check_call(["strip", "--strip-unneeded", str(target)])


def build_options():
    # With a build tree given, setuptools' own scratch goes there too (fresh each time: a file deleted from the
    # package must not linger in an old build/lib and reach the wheel).
    build = os.environ.get("BACKORDER_BUILD_DIR")
    if not build:
        return {}
    base = pathlib.Path(build).resolve() / "python-wheel"
    shutil.rmtree(base, ignore_errors=True)
    return {"build": {"build_base": str(base)}, "egg_info": {"egg_base": str(base)}}


setup(
    version=project_version(),
    options=build_options(),
    ext_modules=[Extension("backorder._native", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
)
