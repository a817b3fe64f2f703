"""Packages for setuptools: everything under kaccount_desk/, plus resources/ installed as
``kaccount_desk.resources``.

The repository keeps ``resources/`` at the top level, beside the package, where translators and
whoever updates the carrier table find it; an installed wheel must carry it inside the package or
``print notice`` cannot find its font. pyproject.toml can map a folder to a package
(``package-dir``) but cannot add that package to the ones ``find`` discovers, hence these lines;
everything else about the project is declared in pyproject.toml.
"""

from setuptools import find_namespace_packages, setup

# resources/ and its data folders (fonts/, translations/, campaigns/), as packages of their own.
RESOURCES = ["kaccount_desk.resources", *(f"kaccount_desk.resources.{p}" for p in find_namespace_packages(where="resources"))]

setup(
    packages=[*find_namespace_packages(include=["kaccount_desk", "kaccount_desk.*"]), *RESOURCES],
    package_dir={"kaccount_desk.resources": "resources"},
    package_data={**dict.fromkeys(RESOURCES, ["*"]), "kaccount_desk.store.migrations": ["*.mako"]},
)
