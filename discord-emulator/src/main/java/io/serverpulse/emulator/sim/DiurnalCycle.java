package io.serverpulse.emulator.sim;

import java.util.Arrays;

/**
 * How busy a community is at each hour of its local day (index 0 = midnight to 1 am), relative to
 * the other hours, with an extra factor for Saturdays and Sundays.
 */
public record DiurnalCycle(double[] hourly, double weekendFactor) {

    public DiurnalCycle {
        if (hourly == null || hourly.length != 24) {
            throw new IllegalArgumentException("hourly needs 24 weights");
        }
        hourly = hourly.clone();
        double sum = 0;
        for (double w : hourly) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("hourly weights must be finite and non-negative: " + Arrays.toString(hourly));
            }
            sum += w;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("at least one hour must have a positive weight");
        }
        if (!(weekendFactor > 0) || Double.isInfinite(weekendFactor)) {
            throw new IllegalArgumentException("weekendFactor must be positive: " + weekendFactor);
        }
    }

    /** Quiet from 2 to 8 am, busy in the evening with a peak around 9 pm, a little busier at weekends. */
    public static DiurnalCycle standard() {
        return new DiurnalCycle(new double[] {
            0.55, 0.35, 0.20, 0.12, 0.08, 0.07, 0.09, 0.15, 0.25, 0.35, 0.45, 0.55,
            0.62, 0.65, 0.65, 0.68, 0.75, 0.85, 0.92, 1.00, 1.00, 1.00, 0.90, 0.75
        }, 1.25);
    }

    /** The same intensity at every hour of every day. */
    public static DiurnalCycle flat() {
        double[] ones = new double[24];
        Arrays.fill(ones, 1.0);
        return new DiurnalCycle(ones, 1.0);
    }

    @Override
    public double[] hourly() {
        return hourly.clone();
    }

    double weight(int localHour) {
        return hourly[localHour];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DiurnalCycle d && Arrays.equals(hourly, d.hourly) && weekendFactor == d.weekendFactor;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hourly) * 31 + Double.hashCode(weekendFactor);
    }

    @Override
    public String toString() {
        return "DiurnalCycle" + Arrays.toString(hourly) + " weekend x" + weekendFactor;
    }
}
