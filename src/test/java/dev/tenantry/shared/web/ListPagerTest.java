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
    assertThat(pager.next()).isEqualTo("/people?q=a%2Bb+%26+c&page=2&after=CUR&back=old");
    assertThat(pager.previous()).isEqualTo("/people?q=a%2Bb+%26+c&page=0");
    assertThat(pager.first()).isEqualTo("/people?q=a%2Bb+%26+c&page=0");
    assertThat(pager.summary()).isEqualTo("51–100 of 120");
  }

  @Test
  void previousIsAKeysetQueryForTheLastTenPagesAndThePageNumberBeyond() {
    var third =
        ListPager.of(
            get("/people", "page", "2", "after", "C2", "back", "C1"),
            new Page<>(rows(50), 2, 50, 500, false, "C3"));
    assertThat(third.previous()).isEqualTo("/people?page=1&after=C1");
    assertThat(third.next()).isEqualTo("/people?page=3&after=C3&back=C1.C2");
    String eleven =
        String.join(
            ".", java.util.stream.IntStream.rangeClosed(1, 11).mapToObj(i -> "C" + i).toList());
    var deep =
        ListPager.of(
            get("/people", "page", "12", "after", "C12", "back", eleven),
            new Page<>(rows(50), 12, 50, 5000, false, "C13"));
    assertThat(deep.previous())
        .isEqualTo("/people?page=11&after=C11&back=C2.C3.C4.C5.C6.C7.C8.C9.C10");
    assertThat(deep.next()).contains("&back=C3.C4.C5.C6.C7.C8.C9.C10.C11.C12");
    var afterTheTrail =
        ListPager.of(
            get("/people", "page", "3", "after", "C3"),
            new Page<>(rows(50), 3, 50, 500, false, "C4"));
    assertThat(afterTheTrail.previous()).isEqualTo("/people?page=2");
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
    var pastTheEnd = ListPager.of(get("/people", "page", "9"), new Page<>(List.of(), 9, 50, 60));
    assertThat(pastTheEnd.summary()).isEqualTo("none");
    assertThat(pastTheEnd.previous()).isEqualTo("/people?page=8");
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
