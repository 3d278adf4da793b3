#!/bin/sh
# berthd launcher (installed by install.sh).
# Memory: by default the JVM commits 1/64 of RAM as heap and keeps it, though berthd's live heap
# is about 10 MiB; a Serial GC heap that starts small and gives memory back and a small code cache
# keep berthd near 95 MiB RSS however long it runs (250 MiB before). C2 stays on, for code only
# image transfers make hot (hashing and parsing hundreds of MiB: with C1 alone a debian:bookworm
# load took 7 s, not 3.8 s); its thresholds are raised so that start-up compiles nothing with it
# (idle RSS 97 MiB with C2's defaults, 90 MiB so, 83 MiB with C1 alone).
# Start-up: the AOT cache (JEP 483/514) made at install by a training run; BERTHD_AOT_OUTPUT
# makes this run the training one. The flags must be the same in both runs.
aot=""
if [ -n "${BERTHD_AOT_OUTPUT:-}" ]; then
  aot="-XX:AOTCacheOutput=$BERTHD_AOT_OUTPUT"
elif [ -f "@LIB@/berthd.aot" ]; then
  aot="-XX:AOTCache=@LIB@/berthd.aot"
fi
exec @JAVA@ --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -XX:+UseSerialGC -Xss512k -Xms8m -Xmx256m -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=20 \
  -XX:ReservedCodeCacheSize=32m -XX:-UsePerfData -XX:Tier4InvocationThreshold=100000 \
  -XX:Tier4MinInvocationThreshold=100000 -XX:Tier4CompileThreshold=100000 \
  -Xlog:aot=off -Xlog:cds=off $aot -cp "@LIB@/lib/daemon/*" io.berth.app.Main "$@"
