import matplotlib as mpl

from utils import FIGSIZE, PALETTE, use_collection_style


def test_collection_style_sets_size_and_palette():
    use_collection_style()
    assert tuple(mpl.rcParams["figure.figsize"]) == FIGSIZE
    assert mpl.rcParams["axes.prop_cycle"].by_key()["color"][:3] == list(PALETTE[:3])
    assert mpl.rcParams["axes.grid"]
