#!/usr/bin/env bash
# 5 MB of ordinary output, one 300 KB line, then a metric line.
head -c 5000000 /dev/zero | tr '\0' 'x' | fold -w 100
head -c 300000 /dev/zero | tr '\0' 'y'; echo
echo "TUNESTREAM epoch=1 val_loss=0.125"
