"""One place that sets the look of every figure in the collection."""
import matplotlib as mpl
from cycler import cycler
from matplotlib import font_manager
from matplotlib_inline import backend_inline

FIGSIZE = (5.0, 3.0)
"""Width and height in inches of a single-panel figure."""

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7",
           "#56B4E9", "#000000", "#999999")
"""Line colours, in the order models are introduced (first model blue): the
Okabe–Ito palette (blue, vermillion, bluish green, orange, reddish purple, sky
blue, black, grey), which readers with any common colour-vision deficiency can
tell apart; its yellow is left out, too pale on white."""

LINE_STYLES = ("-", "--", "-.", ":")
"""Line styles for d2l's ``Animator`` (its default styles fix colours)."""

CJK_FONT = "Noto Sans SC"
"""The font of Chinese characters in figures: Noto Sans SC (SIL Open Font License 1.1),
installed from the lock by the package ``pylopdf-fonts-zh-cn``. Latin text stays in
matplotlib's DejaVu Sans; a character DejaVu Sans lacks falls back to this font."""


def _register_cjk_font() -> list:
    """Add the locked Noto Sans SC file to matplotlib's font list; return the font
    family list for ``font.family``: ``["DejaVu Sans", "Noto Sans SC"]``, or
    ``["sans-serif"]`` where the package is missing (Chinese then renders as boxes)."""
    try:
        import pylopdf_fonts_zh_cn
    except ImportError:
        return ["sans-serif"]
    path = str(pylopdf_fonts_zh_cn.sans_path())
    if all(entry.fname != path for entry in font_manager.fontManager.ttflist):
        font_manager.fontManager.addfont(path)
    return ["DejaVu Sans", CJK_FONT]


def use_collection_style() -> None:
    """Apply the collection's figure size, fonts (DejaVu Sans, and Noto Sans SC for
    Chinese characters), palette and, inside Jupyter, SVG output. In a plain Python script only the rcParams change (calling
    the inline backend there would start an IPython shell, which pyplot
    then fails to hook into)."""
    try:  # inside Jupyter: switch the inline backend on now, so it keeps SVG
        shell = get_ipython()  # noqa: F821 (defined by IPython)
    except NameError:
        shell = None
    if shell is not None:
        shell.run_line_magic("matplotlib", "inline")
        backend_inline.set_matplotlib_formats("svg")
    mpl.rcParams.update({
        "figure.figsize": FIGSIZE,
        "figure.dpi": 100,
        "font.family": _register_cjk_font(),
        "axes.unicode_minus": True,  # DejaVu Sans has the minus sign U+2212
        "font.size": 10,
        "axes.titlesize": 10,
        "axes.labelsize": 10,
        "legend.fontsize": 9,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "axes.prop_cycle": cycler(color=list(PALETTE)),
        "svg.hashsalt": "gluon-rnn-notebooks",
        "image.cmap": "viridis",
    })
