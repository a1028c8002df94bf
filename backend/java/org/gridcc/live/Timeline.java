package org.gridcc.live;

import java.util.Arrays;

/** Times of cases (epoch milliseconds), kept sorted: how many fell in a period, by binary search. */
final class Timeline {

    private long[] times = new long[4];
    private int size;

    void add(long time) {
        int at = insertionPoint(time);
        if (size == times.length) times = Arrays.copyOf(times, size * 2);
        System.arraycopy(times, at, times, at + 1, size - at);
        times[at] = time;
        size++;
    }

    void remove(long time) {
        int at = Arrays.binarySearch(times, 0, size, time);
        if (at < 0) return;
        System.arraycopy(times, at + 1, times, at, size - at - 1);
        size--;
    }

    /** Cases in (from, to]. */
    int count(long from, long to) {
        return Math.max(0, insertionPoint(to + 1) - insertionPoint(from + 1));
    }

    /** Forgets times up to {@code until}; true when nothing is left. */
    boolean forgetUntil(long until) {
        int keep = insertionPoint(until + 1);
        System.arraycopy(times, keep, times, 0, size - keep);
        size -= keep;
        return size == 0;
    }

    /** The first index whose time is at least {@code time}. */
    private int insertionPoint(long time) {
        int low = 0, high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (times[mid] < time) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}
