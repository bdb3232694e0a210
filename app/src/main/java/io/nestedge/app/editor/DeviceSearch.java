package io.nestedge.app.editor;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds devices by device ID, hostname or display name (pure, case-insensitive). Results are ranked:
 * exact ID or hostname, then prefix, then substring; ties keep plant order.
 */
public final class DeviceSearch {
    private DeviceSearch() {
    }

    /**
     * Searches a plant.
     *
     * @param plant the plant
     * @param query text typed by the user (blank gives no result)
     * @param limit maximum number of results
     * @return matching device IDs, best first
     */
    public static List<String> find(Plant plant, String query, int limit) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return List.of();
        }
        record Hit(String id, int rank, int order) {
        }
        List<Hit> hits = new ArrayList<>();
        int order = 0;
        for (Device d : plant.devices()) {
            int r = Math.min(rank(d.id(), q), Math.min(rank(d.hostname(), q) + 1, rank(d.displayName(), q) + 2));
            if (r < Integer.MAX_VALUE - 2) {
                hits.add(new Hit(d.id(), r, order));
            }
            order++;
        }
        hits.sort(Comparator.comparingInt(Hit::rank).thenComparingInt(Hit::order));
        return hits.stream().limit(limit).map(Hit::id).toList();
    }

    private static int rank(String value, String q) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals(q)) {
            return 0;
        }
        if (v.startsWith(q)) {
            return 10;
        }
        if (v.contains(q)) {
            return 20;
        }
        return Integer.MAX_VALUE - 2;
    }
}
