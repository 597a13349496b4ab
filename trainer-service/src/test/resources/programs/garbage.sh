#!/usr/bin/env bash
echo "loss=abc this line has no prefix and is ignored"
echo "TUNESTREAM epoch=1 val_loss=0.5"
echo "TUNESTREAM epoch=2 val_loss=abc"
sleep 5
