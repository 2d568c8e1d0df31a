package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The brand and main menu built in Java for every console page (the layout inserts it as is). */
class TopNavTest {
  private static final ConsoleNav ONLY_TENANTS =
      new ConsoleNav(true, false, false, false, false, false, false, false, false);

  @Test
  void theInstanceNameAndThePathsAreEscaped() {
    String html = new TopNav("/x\"y", "<b>Contoso & Co</b>", false, ONLY_TENANTS, false, 0).html();
    assertThat(html)
        .contains("&lt;b&gt;Contoso &amp; Co&lt;/b&gt;")
        .contains("href=\"/x&quot;y/\"")
        .doesNotContain("<b>")
        .doesNotContain("<nav");
  }

  @Test
  void onlyTheEntriesTheCallerMayUseAreListedWithTheBadgeWhenSomethingWaits() {
    String html = new TopNav("", "Tenantry", true, ONLY_TENANTS, true, 3).html();
    assertThat(html)
        .contains("<a href=\"/tenants\">Tenants</a>")
        .doesNotContain("/computers")
        .doesNotContain("/audit")
        .contains("id=\"change-requests-nav\"")
        .contains("<span class=\"badge\" id=\"change-request-badge\"")
        .contains(">3</span>")
        .contains("<a href=\"/profile\">Profile</a>");
    assertThat(new TopNav("", "Tenantry", true, ONLY_TENANTS, true, 0).html())
        .contains("change-requests-nav")
        .doesNotContain("change-request-badge");
    assertThat(new TopNav("", "Tenantry", true, ONLY_TENANTS, false, 0).html())
        .doesNotContain("change-requests-nav");
  }
}
