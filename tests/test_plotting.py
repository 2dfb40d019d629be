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
