# Sourced by ./bench --profile: a short summary of a JDK Flight Recorder recording.
#
# jfr_top FILE [N]: of the CPU samples (jdk.ExecutionSample), the N (15) methods most often on
# top of the stack, and the N methods of the service (org.gridcc) most often the nearest of
# ours to the top: where the time goes, and which of our calls spend it.
jfr_top() {
  local file=$1 n=${2:-15}
  jfr print --events jdk.ExecutionSample --stack-depth 64 "$file" | awk -v n="$n" '
    function method(line) { sub(/^ +/, "", line); sub(/\(.*$/, "", line); return line }
    /stackTrace = \[/ { inside = 1; first = ""; ours = ""; samples++; next }
    inside && /^ +\]/ { inside = 0; top[first]++; if (ours != "") mine[ours]++; else mine["(no frame of ours)"]++; next }
    inside { m = method($0); if (first == "") first = m; if (ours == "" && m ~ /^org\.gridcc\./) ours = m }
    function show(title, counts,    k, i, j, keys, c, t) {
      printf "%s\n", title
      c = 0; for (k in counts) keys[++c] = k
      for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++) if (counts[keys[j]] > counts[keys[i]]) { t = keys[i]; keys[i] = keys[j]; keys[j] = t }
      for (i = 1; i <= c && i <= n; i++) printf "  %5.1f%%  %s\n", 100 * counts[keys[i]] / samples, keys[i]
    }
    END {
      if (samples == 0) { print "no CPU samples in the recording"; exit }
      printf "%d CPU samples\n", samples
      show("top of the stack:", top)
      show("nearest frame of ours (org.gridcc):", mine)
    }'
}
