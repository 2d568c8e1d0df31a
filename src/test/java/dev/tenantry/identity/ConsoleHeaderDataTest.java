package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a console page's header shows besides the policy (names, waiting requests) is remembered per
 * console data version (V140, {@code shared/web/ConsoleHeaderData}); a change made on any node
 * (here: plain SQL) raises the version at its commit and shows on the next page.
 */
class ConsoleHeaderDataTest extends IdentityTestSupport {
  @Autowired TransactionTemplate transactions;

  @Test
  void aNameChangedOnAnotherNodeShowsOnTheNextPage() {
    Person p = user("named-before");
    Browser browser = consoleSession(p, "Console Data");
    assertThat(home(browser)).contains("named-before");
    assertThat(home(browser)).as("remembered").contains("named-before");
    jdbc.sql("update person set given_name = 'named-after' where id = ?").param(p.id()).update();
    assertThat(home(browser)).contains("named-after").doesNotContain("named-before");
  }

  @Test
  void theVersionRisesOnceAtTheCommitOfATransactionThatChangesHeaderTables() {
    Person p = user("versioned");
    long before = version();
    long inside =
        transactions.execute(
            s -> {
              jdbc.sql("update person set family_name = 'x' where id = ?").param(p.id()).update();
              jdbc.sql("update app_user set enabled = true where id = ?")
                  .param(p.userId())
                  .update();
              jdbc.sql("update person set family_name = 'y' where id = ?").param(p.id()).update();
              return version();
            });
    assertThat(inside).as("not before the commit").isEqualTo(before);
    long after = version();
    assertThat(after).as("other writers may commit meanwhile").isGreaterThan(before);
    assertThat(jdbc.sql("select count(*) from console_data_change").query(Long.class).single())
        .as("the per-transaction notes are gone at commit")
        .isZero();
  }

  private long version() {
    return jdbc.sql("select version from console_data_version").query(Long.class).single();
  }

  private String home(Browser browser) {
    var r = browser.get("http://localhost:" + port + "/");
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }
}
