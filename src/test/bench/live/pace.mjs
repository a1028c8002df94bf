// Posting at a fixed rate (used by loadgen.mjs and failover.mjs).

// Calls send(i) for i = 0, 1, 2, ... at `rate` a second from now on, by the clock rather than by
// the answers: a slow answer delays no later post. Returns the function that stops it.
export function atRate(rate, send) {
  const start = performance.now();
  let sent = 0;
  const timer = setInterval(() => {
    const due = Math.floor((performance.now() - start) * rate / 1000);
    for (; sent < due; sent++) send(sent);
  }, 5);
  return () => clearInterval(timer);
}
