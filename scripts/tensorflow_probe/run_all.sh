#!/bin/bash
# Run every probe; prints one verdict line per case.
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
export TF_CPP_MIN_LOG_LEVEL=3 TF_ENABLE_ONEDNN_OPTS=0
./eager | grep -E "ALL OK|FAILED|rep 1|DLPack:"
./graphfn | grep -E "GRAPHFN|steady"
./startup 2>&1 | grep VmRSS
for b in mixed_ivy_first mixed_tf_first mixed_torch_first; do ./$b > /dev/null 2>&1; echo "$b rc=$?"; done
for m in global local deepbind dlmopen; do SKIP_UNALIGNED=1 ./host $m > host_$m.log 2>&1; echo "host $m rc=$? $(grep -E 'HOST' host_$m.log)"; done
./host deepbind > host_deepbind_noskip.log 2>&1; echo "host deepbind without alignment check rc=$? ($(grep -o 'Check failed: IsAligned.*' host_deepbind_noskip.log | head -1))"
for m in local deepbind dlmopen; do ./shim_load_asan $m 2>&1 | tail -1; done
