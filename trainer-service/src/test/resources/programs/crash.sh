#!/usr/bin/env bash
echo "TUNESTREAM epoch=1 val_loss=0.9"
echo "Traceback (most recent call last):" >&2
echo "RuntimeError: CUDA out of memory" >&2
exit 3
