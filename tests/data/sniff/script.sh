#!/bin/sh
echo 'bonjour'; rm -rf /tmp/x
