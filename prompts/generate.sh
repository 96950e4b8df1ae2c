#!/usr/bin/env bash
# Generates every IVR prompt in catalogue.json as prompts/<lang>/<key>.wav: 8 kHz mono 16-bit PCM, the
# format the media layer plays without resampling. Placeholder voices: a studio set replaces the files
# under the same names with no code change. Output is byte-for-byte repeatable (sox -R, no dither), so
# regenerating changes only the prompts whose text changed.
#
# Needs espeak-ng, sox and jq (Debian: apt-get install -y espeak-ng sox jq).
# Usage: prompts/generate.sh            regenerate everything
#        prompts/generate.sh KEY...     regenerate only these keys
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
catalogue="$here/catalogue.json"
speed="${ESPEAK_SPEED:-190}"

declare -A voices=([es]=es-419 [en]=en-us)

for tool in espeak-ng sox jq; do
  command -v "$tool" >/dev/null || { echo "generate.sh: $tool is missing (apt-get install -y espeak-ng sox jq)" >&2; exit 1; }
done

if [ "$#" -gt 0 ]; then
  keys=("$@")
else
  mapfile -t keys < <(jq -r 'keys_unsorted[]' "$catalogue")
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for lang in "${!voices[@]}"; do
  mkdir -p "$here/$lang"
  if [ "$#" -eq 0 ]; then
    # A full run leaves no recording of a prompt that is no longer in the catalogue.
    rm -f "$here/$lang"/*.wav
  fi
  for key in "${keys[@]}"; do
    text="$(jq -r --arg k "$key" --arg l "$lang" '.[$k][$l] // empty' "$catalogue")"
    if [ -z "$text" ]; then
      echo "generate.sh: no $lang text for '$key'" >&2
      exit 1
    fi
    out="$here/$lang/$key.wav"
    if [ "$text" = "[tone]" ]; then
      # The beep before a recording: 1 kHz, 400 ms, then a short pause so speech does not clip it.
      sox -R -D -n -r 8000 -c 1 -b 16 -e signed-integer "$out" synth 0.4 sine 1000 vol 0.5 pad 0 0.1
      continue
    fi
    espeak-ng -v "${voices[$lang]}" -s "$speed" -w "$work/raw.wav" -- "$text"
    # Drop the synthesiser's leading silence, shorten pauses inside to 150 ms (files stay small), keep a
    # 100 ms gap at the end so concatenated prompts (menu + digits + ...) do not run into each other, and
    # leave 1 dB of headroom so resampling does not clip.
    sox -R -D "$work/raw.wav" -r 8000 -c 1 -b 16 -e signed-integer "$out" \
      gain -n -1 silence -l 1 0.02 0.5% -1 0.15 0.5% pad 0 0.1
  done
done

du -ch "$here"/es/*.wav "$here"/en/*.wav | tail -n 1 | sed 's/total/total size of the prompts/'
