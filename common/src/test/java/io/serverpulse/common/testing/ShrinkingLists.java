package io.serverpulse.common.testing;

import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Lists for QuickTheories properties whose failures shrink by dropping any element, not only the
 * last ones.
 *
 * <p>QuickTheories' own lists draw a size, then that many elements: when a failure is shrunk, a
 * smaller size can only cut elements off the end, so a failing element in the middle keeps every
 * element before it. Here each of the {@code maxSize} places draws a mark and an element, and a
 * place is kept when its mark is under a density drawn once per list. Shrinking moves marks and the
 * density towards "dropped", so elements anywhere can go, and the elements' own values shrink as
 * usual. The density being even over [0, 1], sizes spread about evenly over minSize..maxSize; the
 * first generated examples are the empty (or minSize) list and the full one.
 */
public final class ShrinkingLists {

    private static final int SCALE = 1_000;

    private ShrinkingLists() {
    }

    /** Lists of {@code minSize} to {@code maxSize} elements (the first {@code minSize} places are always kept). */
    public static <T> Gen<List<T>> of(Gen<T> element, int minSize, int maxSize) {
        if (minSize < 0 || minSize > maxSize) {
            throw new IllegalArgumentException("sizes must satisfy 0 <= minSize <= maxSize, got " + minSize + ".." + maxSize);
        }
        Gen<Integer> density = Generate.range(0, SCALE, 0);
        Gen<Integer> mark = Generate.range(0, SCALE - 1, SCALE - 1);
        Gen<List<T>> lists = in -> {
            int kept = density.generate(in);
            List<T> list = new ArrayList<>();
            for (int place = 0; place < maxSize; place++) {
                boolean keep = place < minSize || mark.generate(in) < kept;
                T value = element.generate(in);
                if (keep) {
                    list.add(value);
                }
            }
            return list;
        };
        return lists.describedAs(list -> list.size() + " " + list);
    }
}
