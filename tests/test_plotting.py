import matplotlib as mpl

from utils import FIGSIZE, PALETTE, use_collection_style


def test_collection_style_sets_size_and_palette():
    use_collection_style()
    assert tuple(mpl.rcParams["figure.figsize"]) == FIGSIZE
    assert mpl.rcParams["axes.prop_cycle"].by_key()["color"][:3] == list(PALETTE[:3])
    assert mpl.rcParams["axes.grid"]


def test_collection_style_works_in_a_plain_script(tmp_path):
    # Outside Jupyter the style must not start an IPython shell: pyplot would then
    # try to hook into it and fail (matplotlib 3.7 with IPython 9).
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    script = ("import sys; sys.path.insert(0, %r)\n"
              "import utils; utils.use_collection_style()\n"
              "import matplotlib.pyplot as plt\n"
              "plt.plot([1, 2]); plt.savefig(%r)\n") % (str(root), str(tmp_path / "figure.png"))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env={"MPLBACKEND": "Agg", "PATH": ""})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "figure.png").stat().st_size > 0


def test_chinese_text_renders_without_missing_glyphs(tmp_path):
    # Every character of the Tang poems, a title mixing Latin, digits, a minus sign and
    # Chinese: matplotlib warns "Glyph ... missing from current font" for any it cannot draw.
    import warnings
    from pathlib import Path
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from utils.plotting import CJK_FONT
    use_collection_style()
    assert mpl.rcParams["font.family"][-1] == CJK_FONT
    corpus = (Path(__file__).resolve().parents[1] / "data" / "tang300.txt").read_text("utf-8")
    characters = sorted(set(corpus) - set("\n"))
    assert len(characters) > 2000
    lines = ["".join(characters[i:i + 80]) for i in range(0, len(characters), 80)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph fails the test
        fig, ax = plt.subplots()
        ax.set_title("床前明月光 (5 characters), perplexity −1.5")
        ax.set_xlabel("平仄 of position 2, 4, 6")
        for row, line in enumerate(lines):
            ax.text(0, row / len(lines), line, fontsize=3)
        for suffix in ("svg", "png"):
            fig.savefig(tmp_path / f"chinese.{suffix}")
        plt.close(fig)
