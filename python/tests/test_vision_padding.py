"""ivycpp.vision.pad_omni_image against NumPy (roll half a turn and flip over the poles, wrap the
columns), the original's 4 x 4 case with its pole rows, and the typed errors, on every backend."""
import numpy as np
import pytest

import ivycpp as xp

from vision_cases import V, close


def padded_np(img, p):
    w = img.shape[-2]
    top = np.flip(np.roll(img[..., :p, :, :], -(w // 2), axis=-2), axis=-3)
    bottom = np.flip(np.roll(img[..., img.shape[-3] - p:, :, :], -(w // 2), axis=-2), axis=-3)
    tall = np.concatenate([top, img, bottom], -3)
    return np.concatenate([tall[..., w - p:, :], tall, tall[..., :p, :]], -2)


@pytest.mark.parametrize("p", [1, 2, 4])
def test_pad_omni_image_matches_numpy(backend, p):
    img = np.arange(2 * 4 * 5 * 2, dtype=np.float32).reshape(2, 4, 5, 2)
    close(V.pad_omni_image(img, p), padded_np(img, p))


def test_pad_omni_image_pole_rows(backend):
    img = np.arange(16, dtype=np.float32).reshape(1, 4, 4, 1)
    out = V.pad_omni_image(img, 1)
    close(out[:, 0], np.array([[1, 2, 3, 0, 1, 2]], np.float32)[..., None])  # row 0, half a turn
    close(out[:, 5], np.array([[13, 14, 15, 12, 13, 14]], np.float32)[..., None])  # row 3
    close(out[:, 1:5, 1:5], img)
    close(V.pad_omni_image(img[0], 0), img[0])


def test_pad_omni_image_errors(backend):
    img = np.zeros((3, 4, 1), np.float32)
    with pytest.raises(ValueError, match="vision::pad_omni_image.*pad_size"):
        V.pad_omni_image(img, 4)
    with pytest.raises(xp.ShapeError, match="vision::pad_omni_image"):
        V.pad_omni_image(np.zeros((4,), np.float32), 1)
