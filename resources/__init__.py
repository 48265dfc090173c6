"""Icons, translations and screenshots, shipped inside the package as workbench.resources."""
