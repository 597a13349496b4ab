#!/usr/bin/env bash
echo "trained, but forgot to print metrics"
