"""Background removal measured: IoU of the cut-out against the known mask of product shots on five grounds.

White, gradient and textured grounds go through the colour flood; busy ones (a photo-like room, many coloured
discs) through GrabCut seeded from the border's colours. The numbers are in docs/image-tools.md; the discs
(every colour everywhere) still fail, and the manifest says the ground was busy.
"""

from __future__ import annotations

import pytest

import artboard
from cutout_shots import iou, product_mask, shot
from edit_support import decode

#: the least IoU each ground must reach over seeds 1–3 (measured: white 0.997, gradient 0.996, texture 1.0,
#: photo 1.0)
FLOORS = {"white": 0.98, "gradient": 0.98, "texture": 0.98, "photo": 0.97}


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_cutout_iou_on_each_ground(kind: str) -> None:
    truth = product_mask()
    for seed in (1, 2, 3):
        result = artboard.remove_background(shot(kind, seed))
        alpha = decode(result.data)[..., 3] / 255.0
        assert alpha.shape == truth.shape
        assert iou(alpha, truth) >= FLOORS[kind], (kind, seed, iou(alpha, truth))
        if kind == "photo":
            assert result.manifest["cutout"]["ground"] == "busy"
            assert "GrabCut" in result.manifest["method"]


def test_many_coloured_discs_still_fail_and_say_so() -> None:
    truth = product_mask()
    result = artboard.remove_background(shot("discs", 1))
    assert result.manifest["cutout"]["ground"] == "busy"
    assert any("busy background" in w for w in result.warnings)
    alpha = decode(result.data)[..., 3] / 255.0
    assert iou(alpha, truth) < 0.9  # documented as failing: the discs around the product are kept with it
    assert float((alpha > 0.5)[truth].mean()) > 0.95  # but the product itself is whole


def test_cutout_is_reproducible() -> None:
    first = artboard.remove_background(shot("photo", 2)).data
    assert artboard.remove_background(shot("photo", 2)).data == first
