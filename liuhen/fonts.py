"""The one CJK font of liuhen: Noto Sans SC (SIL Open Font License 1.1), installed from PyPI
with the package ``pylopdf-fonts-zh-cn``. The web pages serve it to the browser and the
quarterly charts (matplotlib) draw with it, so both show the same glyphs, offline."""

from __future__ import annotations

from functools import cache
from pathlib import Path

#: The family name inside NotoSansSC-Regular.otf (what matplotlib and CSS call it).
FAMILY = "Noto Sans SC"


def cjk_font_path() -> Path | None:
    """The packaged Noto Sans SC (OpenType), or None when the package is not installed."""
    try:
        import pylopdf_fonts_zh_cn
    except ImportError:
        return None
    path = Path(pylopdf_fonts_zh_cn.sans_path())
    return path if path.is_file() else None


@cache
def matplotlib_family() -> str | None:
    """Register the packaged font with matplotlib once; its family name, or None."""
    path = cjk_font_path()
    if path is None:
        return None
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()
