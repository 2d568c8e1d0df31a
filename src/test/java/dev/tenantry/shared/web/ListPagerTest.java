package dev.tenantry.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.Page;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The console lists' paging links, totals and parameters (shared/pager.html shows them). */
class ListPagerTest {

  private static MockHttpServletRequest get(String path, String... nameValues) {
    MockHttpServletRequest r = new MockHttpServletRequest("GET", path);
    for (int i = 0; i < nameValues.length; i += 2) {
      r.addParameter(nameValues[i], nameValues[i + 1]);
    }
    return r;
  }

  private static List<Integer> rows(int n) {
    return Collections.nCopies(n, 1);
  }

  @Test
  void nextFollowsTheCursorAndKeepsTheFiltersButNotTheOldPaging() {
    var request = get("/people", "q", "a+b & c", "tenantId", "", "page", "1", "after", "old");
    var pager = ListPager.of(request, new Page<>(rows(50), 1, 50, 120, false, "CUR"));
    assertThat(pager.next()).isEqualTo("/people?q=a%2Bb+%26+c&page=2&after=CUR");
    assertThat(pager.previous()).isEqualTo("/people?q=a%2Bb+%26+c&page=0");
    assertThat(pager.first()).isEqualTo("/people?q=a%2Bb+%26+c&page=0");
    assertThat(pager.summary()).isEqualTo("51–100 of 120");
  }

  @Test
  void withoutACursorNextIsThePageNumberAndTheLastPageHasNone() {
    var full = ListPager.of(get("/schedules"), new Page<>(rows(50), 0, 50, 60));
    assertThat(full.next()).isEqualTo("/schedules?page=1");
    assertThat(full.previous()).isNull();
    var last = ListPager.of(get("/schedules", "page", "1"), new Page<>(rows(10), 1, 50, 60));
    assertThat(last.next()).isNull();
    assertThat(last.summary()).isEqualTo("51–60 of 60");
  }

  @Test
  void anEstimatedTotalSaysAboutAndAnEmptyListSaysNone() {
    var big = ListPager.of(get("/computers"), new Page<>(rows(50), 0, 50, 123_456, true, "X"));
    assertThat(big.summary()).isEqualTo("1–50 of about 123,456");
    assertThat(ListPager.of(get("/people"), new Page<>(List.of(), 0, 50, 0)).summary())
        .isEqualTo("none");
  }

  @Test
  void pagingParametersAreClampedAndANonNumberIsABadRequest() {
    var asked = ListPager.asked(get("/roles", "page", "-4", "size", "100000", "q", "  "));
    assertThat(asked).isEqualTo(new ListPager.Asked(null, 0, ListPager.MAX, null));
    assertThat(ListPager.asked(get("/roles")).size()).isEqualTo(ListPager.SIZE);
    assertThatThrownBy(() -> ListPager.asked(get("/roles", "page", "abc")))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("'page'");
  }

  @Test
  void aShortListIsSearchedByNameAndSliced() {
    var asked = ListPager.asked(get("/roles", "q", "ADMIN", "size", "1", "page", "1"));
    Page<String> page =
        ListPager.slice(List.of("Administrator", "Reader", "Tenant admin"), s -> s, asked);
    assertThat(page.items()).containsExactly("Tenant admin");
    assertThat(page.total()).isEqualTo(2);
  }
}
