#!/bin/bash
# Rebuild every probe in this folder (needs the venv from: python3 -m venv venv && venv/bin/pip install --no-deps tensorflow-cpu==2.21.0)
set -e
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
TF=${TF_VENV:-$PWD/venv}/lib/python3.11/site-packages/tensorflow
MLX=$ROOT/.venv/lib/python3.11/site-packages/mlx/lib
L=/usr/lib/x86_64-linux-gnu
TFLINK="-L$TF -l:libtensorflow_cc.so.2 -l:libtensorflow_framework.so.2 -Wl,-rpath,$TF"
g++ -std=c++20 -O2 -Wall -isystem $TF/include eager.cpp   -o eager   $TFLINK
g++ -std=c++20 -O2 -Wall -isystem $TF/include graphfn.cpp -o graphfn $TFLINK
g++ -std=c++20 -O2 -Wall -isystem $TF/include startup.cpp -o startup $TFLINK
g++ -std=c++20 -O2 -Wall -isystem $TF/include threads.cpp -o threads $TFLINK
# direct linking of Ivy (torch, xtensor, mlx) + TF in one executable
g++ -std=c++20 -O1 -c mixed.cpp -I$ROOT/include -isystem $TF/include -o mixed.o
g++ mixed.o -o mixed_ivy_first -Wl,-rpath,$ROOT/build:$MLX:$TF $ROOT/build/libivy.so -Wl,-rpath-link,$MLX $TF/libtensorflow_cc.so.2 $TF/libtensorflow_framework.so.2
g++ mixed.o -o mixed_tf_first -Wl,-rpath,$ROOT/build:$MLX:$TF -Wl,--no-as-needed $TF/libtensorflow_cc.so.2 $TF/libtensorflow_framework.so.2 $ROOT/build/libivy.so -Wl,-rpath-link,$MLX
HOSTLIBS="-Wl,--no-as-needed $ROOT/build/libivy.so $L/libtorch.so.1.13.0 $L/libc10.so $L/libtorch_cpu.so.1.13.0 $L/libprotobuf.so $L/libssl.so.3 $L/libcrypto.so.3 $L/libcurl.so.4 $L/libz.so.1 $L/libzstd.so.1 $L/libsqlite3.so.0 $L/libsnappy.so.1 $MLX/libmlx.so"
g++ mixed.o -o mixed_torch_first -Wl,-rpath,$ROOT/build:$MLX:$TF $HOSTLIBS -Wl,-rpath-link,$MLX $TF/libtensorflow_cc.so.2 $TF/libtensorflow_framework.so.2
# isolation: shim .so (only object linking TF) + host that dlopens it
g++ -std=c++20 -O2 -shared -fPIC -isystem $TF/include tfshim.cpp -o libtfshim.so $TF/libtensorflow_cc.so.2 $TF/libtensorflow_framework.so.2 -Wl,-rpath,$TF
g++ -std=c++20 -O1 host.cpp -o host -I$ROOT/include -Wl,-rpath,$ROOT/build:$MLX $HOSTLIBS -ldl -Wl,-rpath-link,$MLX
# the shim alone under AddressSanitizer (which load modes it allows)
g++ -std=c++20 -O1 -fsanitize=address shim_load.cpp -o shim_load_asan -ldl
echo built
