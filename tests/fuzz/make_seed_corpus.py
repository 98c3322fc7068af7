"""Writes the libFuzzer seed corpus (tests/fuzz/corpus/): run once, outputs are committed.

    .venv/bin/python tests/fuzz/make_seed_corpus.py

hdf5_load: small files of the shapes Container files have (nested groups, every dtype, 0-d,
empty, attributes), written with h5py so the fuzzer starts from valid HDF5 structure.
dlpack_import: descriptors in fuzz_dlpack_import.cpp's byte layout (code, bits, lanes flag,
flags, ndim, byte_offset, dims, strides, data).
"""
import os
import struct

import h5py
import numpy as np

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")


def hdf5_seeds(out):
    os.makedirs(out, exist_ok=True)
    with h5py.File(os.path.join(out, "nested.h5"), "w") as f:
        f["a"] = np.arange(6, dtype="float32").reshape(2, 3)
        f["b/c"] = np.array([1, -2, 3], dtype="int64")
        f["b/d/e"] = np.float64(2.5)
    with h5py.File(os.path.join(out, "dtypes.h5"), "w") as f:
        for dt in ["bool", "int8", "int16", "int32", "uint8", "float16", "float64"]:
            f[dt] = np.zeros((2,), dtype=dt)
    with h5py.File(os.path.join(out, "empty_and_attrs.h5"), "w") as f:
        f["empty"] = np.zeros((0, 3), dtype="float32")
        f["scalar"] = np.int32(7)
        f.attrs["note"] = "ivy"
        f["empty"].attrs["dtype"] = "bfloat16"
    with h5py.File(os.path.join(out, "group_only.h5"), "w") as f:
        f.create_group("g/h")


def dlpack_seeds(out):
    os.makedirs(out, exist_ok=True)
    seeds = {
        # code, bits, lanes flag (0: one lane), flags, ndim, byte_offset, dims (int8) ...
        "f32_2x3": bytes([2, 32, 0, 0, 2, 0, 2, 3]) + struct.pack("6f", *range(6)),
        "i64_reversed": bytes([0, 64, 0, 1, 1, 0, 3, 0xFF]) + struct.pack("3q", 1, 2, 3),
        "f64_0d": bytes([2, 64, 0, 0, 0, 0]) + struct.pack("d", -0.0),
        "f32_empty": bytes([2, 32, 0, 0, 2, 0, 0, 3]),
        "u8_offset": bytes([1, 8, 0, 0, 1, 4, 4]) + bytes(range(8)),
        "bf16_transposed": bytes([4, 16, 0, 1, 2, 0, 2, 2, 1, 2]) + bytes(8),
        "bool_2": bytes([6, 8, 0, 0, 1, 0, 2, 1, 0]),
    }
    for name, data in seeds.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    hdf5_seeds(os.path.join(HERE, "hdf5_load"))
    dlpack_seeds(os.path.join(HERE, "dlpack_import"))
