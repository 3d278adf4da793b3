#!/bin/sh
# berth CLI launcher (installed by install.sh); the AOT cache is used when present
aot=""
[ -f "@LIB@/berth.aot" ] && aot="-XX:AOTCache=@LIB@/berth.aot"
exec @JAVA@ $aot -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData \
  -Xlog:disable -Xlog:all=off -cp "@LIB@/lib/cli/*" io.berth.cli.Main "$@"
