#!/usr/bin/env bash
# One epoch every 100 ms for a long time; records SIGTERM so a test can see it was asked to stop.
echo $$ > "$PID_FILE"
trap 'echo terminated > "$PID_FILE.term"; exit 143' TERM
for i in $(seq 1 1000); do
  echo "TUNESTREAM epoch=$i val_loss=$(( 1000 - i ))"
  sleep 0.1
done
