"""resources/ sits at the top of the repository but ships inside the package as
workbench.resources, so an installed copy finds icons and translations with importlib.resources.
pyproject.toml cannot combine package discovery with that mapping; this file adds it."""
from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["workbench", "workbench.*"]) + ["workbench.resources"],
    package_dir={"workbench.resources": "resources"},
)
