#!/bin/sh
# berthd launcher (installed by install.sh)
exec @JAVA@ --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -XX:+UseSerialGC -Xss512k -cp "@LIB@/lib/daemon/*" io.berth.app.Main "$@"
