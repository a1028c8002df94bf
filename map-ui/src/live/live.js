// The /live feed for the wall: one WebSocket at a time, resumed from the last position whose
// events the page has had, reconnected with capped exponential backoff and jitter (so a
// hundred walls do not all knock at once after a restart). It hands frames to the page and
// says how the line is: 'connecting', 'live', 'reconnecting', or 'stale' (with the time of the
// last frame). Nothing here grows with time: one socket, three timers, a few numbers.

// Each frame is a binary message holding UTF-8 JSON: the service encodes a delta once and every
// wall's socket shares those bytes.
const utf8 = new TextDecoder();

export function connectLive({
  url,
  onFrame,
  onState,
  staleAfterMs = 5000, // "reconnecting" this long after a loss, then the data is called stale
  silentMs = 45000, // three missed 15 s heartbeats: the line is dead even if TCP has not noticed
  minDelayMs = 500,
  maxDelayMs = 30000,
}) {
  let socket = null;
  let state = null;
  let lastSeq = null; // the highest position whose events we have had (never a heartbeat's)
  let replayTo = null; // a resumed snapshot is ahead of us until the replay reaches it
  let attempt = 0;
  let lastFrameAt = null;
  const startedAt = new Date();
  let retryTimer = null;
  let staleTimer = null;
  let silenceTimer = null;

  function setState(next) {
    state = next;
    onState(next, lastFrameAt || startedAt);
  }

  function open() {
    retryTimer = null;
    const resumeFrom = lastSeq;
    const base = typeof url === 'function' ? url() : url; // a function: the subscription may change between connections
    const target = resumeFrom == null ? base : `${base}${base.includes('?') ? '&' : '?'}since=${resumeFrom}`;
    let ws;
    try {
      ws = new WebSocket(target);
    } catch (error) {
      lost();
      return;
    }
    ws.binaryType = 'arraybuffer';
    socket = ws;
    let first = true;
    ws.onmessage = (message) => {
      let frame;
      try {
        frame = JSON.parse(utf8.decode(message.data));
      } catch {
        return; // not ours to understand; the next frame will be
      }
      lastFrameAt = new Date();
      watchSilence();
      track(frame, first ? resumeFrom : null);
      if (frame.type === 'snapshot') first = false;
      if (state !== 'live' && frame.type === 'snapshot') {
        attempt = 0;
        clearTimeout(staleTimer);
        setState('live');
      }
      try {
        onFrame(frame);
      } catch (error) {
        console.error('wall: a frame could not be shown', frame.type, error);
      }
    };
    // An error is always followed by a close; one place handles the loss.
    ws.onclose = () => {
      if (socket === ws) lost();
    };
  }

  // Positions: a delta or replay page carries everything up to its seq; a snapshot after a
  // resume is ahead of the replay that follows it, so we wait for the replay to reach it.
  // Heartbeats are ignored here: their seq may run ahead of the deltas still to come.
  function track(frame, resumedFrom) {
    if (frame.type === 'snapshot') {
      if (resumedFrom != null && frame.seq > resumedFrom && !frame.missed) replayTo = frame.seq;
      else {
        lastSeq = Math.max(lastSeq ?? 0, frame.seq);
        replayTo = null;
      }
    } else if (frame.type === 'replay') {
      lastSeq = Math.max(lastSeq ?? 0, frame.seq);
      if (replayTo != null && lastSeq >= replayTo) replayTo = null;
    } else if (frame.type === 'delta') {
      lastSeq = Math.max(lastSeq ?? 0, frame.seq);
      replayTo = null;
    }
  }

  function watchSilence() {
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(() => drop(), silentMs);
  }

  // Leaves a socket without waiting for its close handshake (a dead line may never answer).
  function drop() {
    const ws = socket;
    if (!ws) return;
    ws.onmessage = ws.onclose = null;
    try {
      ws.close();
    } catch {
      // already closing
    }
    lost();
  }

  function lost() {
    socket = null;
    clearTimeout(silenceTimer);
    if (state !== 'reconnecting' && state !== 'stale') {
      setState('reconnecting');
      const since = lastFrameAt || startedAt;
      clearTimeout(staleTimer);
      staleTimer = setTimeout(() => setState('stale'), Math.max(0, since.getTime() + staleAfterMs - Date.now()));
    }
    // Exponential backoff, capped, with "equal jitter": half fixed, half random.
    const ceiling = Math.min(maxDelayMs, minDelayMs * 2 ** attempt);
    attempt = Math.min(attempt + 1, 16);
    clearTimeout(retryTimer);
    retryTimer = setTimeout(open, ceiling / 2 + Math.random() * (ceiling / 2));
  }

  setState('connecting');
  open();
  return {
    get state() {
      return state;
    },
    get lastSeq() {
      return lastSeq;
    },
    get lastFrameAt() {
      return lastFrameAt;
    },
    /** Connects again at once, resuming where it was (after the subscription changed). */
    reconnect() {
      const ws = socket;
      if (!ws) return;
      ws.onmessage = ws.onclose = null;
      socket = null;
      try {
        ws.close();
      } catch {
        // already closing
      }
      clearTimeout(retryTimer);
      open();
    },
  };
}
