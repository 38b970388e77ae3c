package org.critsweep.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NearestNameTest {

    @Test
    void distanceCountsEachEditOnceAndASwapOfNeighboursAsOne() {
        assertEquals(0, NearestName.distance("width", "width"));
        assertEquals(1, NearestName.distance("widht", "width"), "a swap of neighbours");
        assertEquals(1, NearestName.distance("sigmaw", "sigma_w"), "an insertion");
        assertEquals(1, NearestName.distance("replicas", "replica"), "a deletion");
        assertEquals(1, NearestName.distance("Gram", "gram"), "case counts");
        assertEquals(2, NearestName.distance("logspace", "linspace"), "two substitutions");
        assertEquals(5, NearestName.distance("", "depth"));
    }

    @Test
    void suggestsTheNearestNameWithinAThirdOfTheLength() {
        List<String> keys = List.of("depth", "width", "replicas", "sigma_w", "sigma_b");
        assertEquals(Optional.of("width"), NearestName.among("widht", keys));
        assertEquals(Optional.of("sigma_w"), NearestName.among("sigmaw", keys));
        assertEquals(Optional.empty(), NearestName.among("colour", keys), "nothing within 2 edits");
        assertEquals(Optional.of("depth"), NearestName.among("dpth", keys), "at least one edit even for short names");
        assertEquals(Optional.empty(), NearestName.among("dp", keys));
        assertEquals(Optional.of("sigma_w"), NearestName.among("sigma_x", keys), "a tie goes to the first listed");
    }

    @Test
    void offerNamesTheSuggestionThenEveryAllowedName() {
        List<String> allowed = List.of("gram", "dense");
        assertEquals("; did you mean gram? Allowed: gram, dense", NearestName.offer(Optional.of("gram"), "allowed", allowed));
        assertEquals("; allowed: gram, dense", NearestName.offer(Optional.empty(), "allowed", allowed));
    }
}
