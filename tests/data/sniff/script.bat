@echo off
echo bonjour, monde
