#!/usr/bin/env bash
# Trains "3 epochs": ordinary output, key=value and JSON metric lines; echoes what it was given.
echo "starting with args: $*"
echo "param lr from env: $TUNESTREAM_PARAM_LR"
test -f "$TUNESTREAM_TRIAL_FILE" || { echo "no trial file" >&2; exit 9; }
grep -q '"lr"' "$TUNESTREAM_TRIAL_FILE" || { echo "trial file lacks params" >&2; exit 8; }
echo "TUNESTREAM epoch=1 val_loss=0.9 arg_lr=${1#--lr=} gpu=${CUDA_VISIBLE_DEVICES:-0}"
echo "progress 50% ....."
echo 'TUNESTREAM {"epoch": 2, "val_loss": 0.5}'
echo "TUNESTREAM val_loss=0.25 epochs_env=$TUNESTREAM_MAX_EPOCHS"
