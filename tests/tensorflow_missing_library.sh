#!/bin/sh
# ctest tensorflow_missing_library: with IVY_TENSORFLOW_LIBRARY naming no file, a program using
# the tensorflow backend stops with ivy's BackendError naming the path (ivy-drone exits with 2),
# and the same program on torch runs as usual (TensorFlow is only loaded when used).
drone="$1"
export IVY_TENSORFLOW_LIBRARY=/nonexistent/libtensorflow_cc.so.2
out=$("$drone" --backend tensorflow --quiet --out tf_missing.png 2>&1)
status=$?
echo "$out"
[ "$status" -eq 2 ] || { echo "expected exit status 2, got $status"; exit 1; }
echo "$out" | grep -q "cannot load TensorFlow's C library $IVY_TENSORFLOW_LIBRARY" ||
  { echo "the message does not name the library"; exit 1; }
"$drone" --backend torch --quiet --out tf_unused.png
