"""JavaScript that WordPress prints after dropdown widgets (archives, categories)."""

from __future__ import annotations

__all__ = ["ARCHIVES_DROPDOWN_JS", "CATEGORIES_DROPDOWN_JS"]


def _dropdown_js(*navigate: str) -> str:
    """The script both blocks print, around the lines that leave the page on a choice.

    A `str.format` template: `{exports}` is the JSON of [dropdown id, home URL].
    """
    before = (
        "( ( [ dropdownId, homeUrl ] ) => {{\n"
        "\t\tconst dropdown = document.getElementById( dropdownId );\n"
        "\t\tfunction onSelectChange() {{\n"
        "\t\t\tsetTimeout( () => {{\n"
        "\t\t\t\tif ( 'escape' === dropdown.dataset.lastkey ) {{\n"
        "\t\t\t\t\treturn;\n"
        "\t\t\t\t}}\n"
    )
    after = (
        "\t\t\t}}, 250 );\n"
        "\t\t}}\n"
        "\t\tfunction onKeyUp( event ) {{\n"
        "\t\t\tif ( 'Escape' === event.key ) {{\n"
        "\t\t\t\tdropdown.dataset.lastkey = 'escape';\n"
        "\t\t\t}} else {{\n"
        "\t\t\t\tdelete dropdown.dataset.lastkey;\n"
        "\t\t\t}}\n"
        "\t\t}}\n"
        "\t\tfunction onClick() {{\n"
        "\t\t\tdelete dropdown.dataset.lastkey;\n"
        "\t\t}}\n"
        "\t\tdropdown.addEventListener( 'keyup', onKeyUp );\n"
        "\t\tdropdown.addEventListener( 'click', onClick );\n"
        "\t\tdropdown.addEventListener( 'change', onSelectChange );\n"
        "\t}} )( {exports} );"
    )
    return before + "".join(navigate) + after


# The script text of archives.php.
ARCHIVES_DROPDOWN_JS = _dropdown_js(
    "\t\t\t\tif ( dropdown.value ) {{\n",
    "\t\t\t\t\tlocation.href = dropdown.value;\n",
    "\t\t\t\t}}\n",
)

# The script text of categories.php.
CATEGORIES_DROPDOWN_JS = _dropdown_js(
    '\t\t\t\t// Only navigate if a valid term is selected (not the default "Select [taxonomy]" option)\n',
    "\t\t\t\tif ( dropdown.value && dropdown.value !== '-1' && dropdown instanceof HTMLSelectElement ) {{\n",
    "\t\t\t\t\tconst url = new URL( homeUrl );\n",
    "\t\t\t\t\turl.searchParams.set( dropdown.name, dropdown.value );\n",
    "\t\t\t\t\tlocation.href = url.href;\n",
    "\t\t\t\t}}\n",
)
