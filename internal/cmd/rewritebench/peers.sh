#!/bin/sh
# Runs Debian's simhash and sim_text on a corpus that rewritebench dumped
# (rewritebench -n N -dump DIR) and scores the pairs each reports against
# DIR/truth.tsv. Usage: peers.sh DIR [SIMHASH_THRESHOLD] [SIM_TEXT_PERCENT]
# Needs simhash and sim_text (apt-get install -y simhash similarity-tester).
set -eu
dir=$1
sh_threshold=${2:-0.5}
st_percent=${3:-20}
bench=${REWRITEBENCH:-go run ./internal/cmd/rewritebench}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# simhash -m prints a lower-triangular similarity matrix: each row names a
# file and its number, then its similarity to every earlier file.
start=$(date +%s.%N)
(cd "$dir" && simhash -m a*.txt) > "$out/simhash.matrix"
end=$(date +%s.%N)
awk -v t="$sh_threshold" 'NR > 1 { name[$2] = $1; for (j = 3; j <= NF; j++) if ($j + 0 >= t) print $1, name[j-2] }' \
	"$out/simhash.matrix" > "$out/simhash.pairs"
echo "simhash -m (threshold $sh_threshold): $(echo "$end - $start" | bc) s"
$bench -dump "$dir" -score "$out/simhash.pairs"

# sim_text -p prints "F consists for x % of G material" for every ordered
# pair above the threshold; -s skips a file's similarity to itself.
start=$(date +%s.%N)
(cd "$dir" && ls a*.txt | sim_text -i -p -s -T -t "$st_percent") > "$out/simtext.out"
end=$(date +%s.%N)
awk '/consists for/ { print $1, $7 }' "$out/simtext.out" > "$out/simtext.pairs"
echo "sim_text -p -t $st_percent: $(echo "$end - $start" | bc) s"
$bench -dump "$dir" -score "$out/simtext.pairs"
