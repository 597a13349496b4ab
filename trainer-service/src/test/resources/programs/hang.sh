#!/usr/bin/env bash
echo $$ > "$PID_FILE"
sleep 600
