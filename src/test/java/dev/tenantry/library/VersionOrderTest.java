package dev.tenantry.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.library.internal.VersionOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionOrderTest {
  @Test
  void numbersCompareAsNumbersAndSuffixesMarkPreReleases() {
    List<String> sorted =
        new ArrayList<>(
            List.of(
                "10.0",
                "1.10",
                "1.2",
                "1.0.1",
                "1.0",
                "1.0-beta",
                "1.0-alpha",
                "1.0rc1",
                "01.2.0",
                "2"));
    sorted.sort(VersionOrder::compare);
    assertThat(sorted)
        .containsExactly(
            "1.0-alpha",
            "1.0-beta",
            "1.0rc1",
            "1.0",
            "1.0.1",
            "1.2",
            "01.2.0",
            "1.10",
            "2",
            "10.0");
  }

  @Test
  void theSortKeyOrdersLikeTheComparisonByteForByte() {
    assertThat(VersionOrder.sortKey("1.9").compareTo(VersionOrder.sortKey("1.10"))).isNegative();
    assertThat(VersionOrder.sortKey("1.0").compareTo(VersionOrder.sortKey("1.0.0"))).isNegative();
    assertThat(VersionOrder.sortKey("v1.0")).isEqualTo(VersionOrder.sortKey("V1.0"));
  }
}
