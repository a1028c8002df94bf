package org.gridcc.grid.demo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Shares a whole number out over parents in proportion to their weights, by the highest averages
 * (Sainte-Laguë) method: seat by seat, which always sums exactly, respects a minimum per parent and
 * needs no rounding correction.
 */
final class Apportionment {

    private record Claim(int parent, double priority) {
    }

    private static final Comparator<Claim> STRONGEST_FIRST =
            Comparator.comparingDouble(Claim::priority).reversed().thenComparingInt(Claim::parent);

    private Apportionment() {
    }

    static int[] split(int total, double[] weights, int minimum) {
        int parents = weights.length;
        if ((long) minimum * parents > total) {
            throw new IllegalArgumentException(total + " cannot give " + parents + " parents at least " + minimum + " each");
        }
        double sum = Arrays.stream(weights).sum();
        int[] shares = new int[parents];
        Arrays.fill(shares, minimum);
        PriorityQueue<Claim> claims = new PriorityQueue<>(Math.max(1, parents), STRONGEST_FIRST);
        for (int i = 0; i < parents; i++) {
            claims.add(claim(i, sum > 0 ? weights[i] : 1, minimum));
        }
        for (int given = minimum * parents; given < total; given++) {
            Claim strongest = claims.remove();
            int parent = strongest.parent();
            shares[parent]++;
            claims.add(claim(parent, sum > 0 ? weights[parent] : 1, shares[parent]));
        }
        return shares;
    }

    private static Claim claim(int parent, double weight, int seatsHeld) {
        return new Claim(parent, weight / (2 * seatsHeld + 1));
    }
}
