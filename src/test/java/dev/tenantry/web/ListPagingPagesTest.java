package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 10, console lists that reach every row: people, computers and the library page (htmx "Next"
 * and "Previous", bookmarkable URLs, "1–50 of 60"), the last of 60 rows is reached by paging and by
 * search; paging never shows a row of a tenant the caller cannot view; bad paging parameters answer
 * a readable message.
 */
class ListPagingPagesTest extends ConsoleTest {
  private static final int ROWS = 60;
  private final String suffix = shortId();
  private UUID tenant;

  @BeforeEach
  void sixtyRowsOfEachKindInOneTenant() {
    tenant = data.clientTenant("Paged " + suffix);
    fill(tenant, "Pagey");
  }

  /** 60 people ("Pagey <suffix> 001"…), computers ("pagey-<suffix>-001"…) and scripts. */
  private void fill(UUID tenantId, String prefix) {
    jdbc.sql(
            """
        insert into person (id, tenant_id, given_name, family_name, email, source)
        select gen_random_uuid(), ?, ? || ' ' || ?, lpad(g::text, 3, '0'),
               lower(?) || g || '@example.com', 'MANUAL'
          from generate_series(1, ?) g""")
        .params(tenantId, prefix, suffix, prefix + suffix, ROWS)
        .update();
    jdbc.sql(
            """
        insert into computer (id, tenant_id, name, type)
        select gen_random_uuid(), ?, lower(?) || '-' || ? || '-' || lpad(g::text, 3, '0'),
               'WORKSTATION'
          from generate_series(1, ?) g""")
        .params(tenantId, prefix, suffix, ROWS)
        .update();
    jdbc.sql(
            """
        insert into script (id, owner_tenant_id, name, language)
        select gen_random_uuid(), ?, ? || ' script ' || ? || ' ' || lpad(g::text, 3, '0'),
               'POWERSHELL'
          from generate_series(1, ?) g""")
        .params(tenantId, prefix, suffix, ROWS)
        .update();
  }

  private String last(String kind) {
    return switch (kind) {
      case "people" -> "Pagey " + suffix + " 060";
      case "computers" -> "pagey-" + suffix + "-060";
      default -> "Pagey script " + suffix + " 060";
    };
  }

  @Test
  void theLastOfSixtyIsReachedByPagingAndBySearchOnPeopleComputersAndScripts() {
    signIn(data.mspAdmin("Paula", "Pager"));
    reach("/people?tenantId=" + tenant, "people", "#results tbody tr");
    reach("/computers?tenantId=" + tenant, "computers", "tr[data-computer]");
    reach("/library?tab=scripts&ownerTenantId=" + tenant, "scripts", "tr[data-item]");
    screenshot("library-paged.png");
  }

  /** 20 a page: Next, Next (the last one), Previous, a bookmarked page, then a search. */
  private void reach(String path, String kind, String rowCss) {
    open(path + "&size=20");
    assertThat(summary()).isEqualTo("1–20 of 60");
    assertThat(browser.findElements(By.cssSelector(rowCss))).hasSize(20);
    browser.findElement(By.cssSelector(".pager-next")).click();
    waitForSummary("21–40 of 60");
    assertThat(mainText()).doesNotContain(last(kind));
    browser.findElement(By.cssSelector(".pager-next")).click();
    waitForSummary("41–60 of 60");
    assertThat(browser.findElements(By.cssSelector(rowCss))).hasSize(20);
    assertThat(mainText()).as(kind).contains(last(kind));
    assertThat(browser.findElements(By.cssSelector(".pager-next"))).isEmpty();
    String bookmark = browser.getCurrentUrl();
    assertThat(bookmark).as("the page's URL follows the paging").contains("page=2");

    browser.findElement(By.cssSelector(".pager-previous")).click();
    waitForSummary("21–40 of 60");
    assertThat(mainText()).doesNotContain(last(kind));
    if (!kind.equals("scripts")) { // people and computers page by keyset, both ways
      assertThat(browser.getCurrentUrl()).contains("after=");
    }
    browser.findElement(By.cssSelector(".pager-first")).click();
    waitForSummary("1–20 of 60");

    browser.get(bookmark); // the bookmarked last page, rendered whole
    waitFor(By.cssSelector("main h1"));
    assertThat(summary()).isEqualTo("41–60 of 60");
    assertThat(mainText()).contains(last(kind));

    open(path);
    browser.findElement(By.id("q")).sendKeys(kind.equals("people") ? "060" : last(kind));
    waitForSummary("1–1 of 1");
    assertThat(mainText()).contains(last(kind));
    assertThat(browser.getCurrentUrl()).as("the search is in the URL").contains("q=");
  }

  @Test
  void pagingNeverShowsARowOfATenantTheCallerCannotView() {
    UUID other = data.clientTenant("Unseen " + suffix);
    fill(other, "Pagey"); // the same names, in a tenant the admin cannot view
    var admin = data.user(tenant, "Tia", "OneTenant");
    data.allow(admin.id(), BuiltInRoles.ADMINISTRATOR_LEGACY.id(), "USERS_TENANT", null);
    signIn(admin);

    List<String> seen = new ArrayList<>();
    open("/computers?q=pagey-" + suffix);
    assertThat(summary()).isEqualTo("1–50 of 60");
    while (true) {
      browser
          .findElements(By.cssSelector("tr[data-computer]"))
          .forEach(r -> seen.add(r.getAttribute("data-computer")));
      assertThat(mainText()).doesNotContain("Unseen " + suffix);
      var next = browser.findElements(By.cssSelector(".pager-next"));
      if (next.isEmpty()) {
        break;
      }
      String before = summary();
      next.getFirst().click();
      new WebDriverWait(browser, WAIT)
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class) // htmx swaps it
          .until(d -> !summary().equals(before));
    }
    assertThat(seen).hasSize(ROWS).doesNotHaveDuplicates();
    assertThat(
            jdbc.sql("select count(*) from computer where tenant_id = ? and name = any(?)")
                .params(tenant, seen.toArray(new String[0]))
                .query(Long.class)
                .single())
        .isEqualTo(ROWS);

    open("/people?q=Pagey " + suffix + "&page=1");
    assertThat(summary()).isEqualTo("51–60 of 60");
    assertThat(mainText()).doesNotContain("Unseen " + suffix);
    open("/people?tenantId=" + other);
    assertThat(summary()).isEqualTo("none");
    open("/library?tab=scripts&q=Pagey script " + suffix + "&page=1");
    assertThat(summary()).isEqualTo("51–60 of 60");
  }

  @Test
  void badPagingParametersAnswerAReadableMessage() {
    signIn(data.mspAdmin("Bea", "BadParams"));
    open("/people?after=not-a-cursor");
    assertThat(mainText()).contains("not a cursor").doesNotContain("Exception");
    open("/computers?page=abc");
    assertThat(mainText()).contains("page").doesNotContain("Exception");
    open("/users-roles/roles?page=-3&size=0");
    assertThat(summary()).startsWith("1–1 of ");
  }

  private String summary() {
    return browser.findElement(By.cssSelector(".pager-summary")).getText();
  }

  private void waitForSummary(String text) {
    new WebDriverWait(browser, WAIT)
        .until(
            d -> {
              try {
                return summary().equals(text);
              } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
              }
            });
  }
}
